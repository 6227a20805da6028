import { useMessages } from '@/lib/locale'

export type ErrorViewProps = {
  onRetry: () => void
  detail?: string
}

/** A failed load: what happened and a way to try again. Never a blank page. */
export function ErrorView({ onRetry, detail }: ErrorViewProps) {
  const messages = useMessages()
  return (
    <section role="alert" className="state-view">
      <h1>{messages.loadFailed}</h1>
      {detail && <p className="state-detail">{detail}</p>}
      <button type="button" onClick={onRetry}>
        {messages.retry}
      </button>
    </section>
  )
}
