import { useMessages } from '@/lib/locale'

/** Shown while a route's code and data arrive. */
export function LoadingView() {
  const messages = useMessages()
  return (
    <div className="state-view" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {messages.loading}
    </div>
  )
}
