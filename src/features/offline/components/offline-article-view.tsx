import { useMessages } from '@/lib/locale'

export type OfflineArticleViewProps = { onRetry: () => void }

/** An article that cannot be shown offline: why, and a way to try again. */
export function OfflineArticleView({ onRetry }: OfflineArticleViewProps) {
  const messages = useMessages()
  return (
    <section role="alert" className="state-view">
      <h1>{messages.offlineArticleTitle}</h1>
      <p className="state-detail">{messages.offlineArticleText}</p>
      <button type="button" onClick={onRetry}>
        {messages.retry}
      </button>
    </section>
  )
}
