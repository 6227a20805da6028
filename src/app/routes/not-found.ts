import { data } from 'react-router'

/** The 404 signal loaders throw; the route error boundary renders it. */
export function notFound() {
  return data('Not found', { status: 404 })
}
