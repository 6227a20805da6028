import { useEffect } from 'react'
import { Link } from 'react-router'
import { paths } from '@/config/paths'
import { useMessages } from '@/lib/locale'

/** The 404 view, with a way back. */
export function NotFoundView() {
  const messages = useMessages()
  useEffect(() => {
    document.title = `${messages.notFoundTitle} · ${messages.siteName}`
  }, [messages])
  return (
    <section className="state-view" data-testid="not-found">
      <h1>{messages.notFoundTitle}</h1>
      <p>{messages.notFoundText}</p>
      <Link to={paths.home.getHref()}>{messages.backHome}</Link>
    </section>
  )
}
