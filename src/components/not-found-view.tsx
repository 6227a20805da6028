import { Link } from 'react-router'
import { messages } from '@/config/messages'
import { paths } from '@/config/paths'

/** The 404 view, with a way back. */
export function NotFoundView() {
  return (
    <section className="state-view" data-testid="not-found">
      <h1>{messages.notFoundTitle}</h1>
      <p>{messages.notFoundText}</p>
      <Link to={paths.home.getHref()}>{messages.backHome}</Link>
    </section>
  )
}
