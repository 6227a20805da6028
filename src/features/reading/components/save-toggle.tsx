import type { ArticleSummary } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { useReadingStore, useReadingValue } from '@/lib/reading/use-reading'

export type SaveToggleProps = {
  article: ArticleSummary
  /** The small variant on cards (named with the article's title). */
  compact?: boolean
}

/** Saves the article for later, or unsaves it: a toggle button (`aria-pressed`). */
export function SaveToggle({ article, compact = false }: SaveToggleProps) {
  const messages = useMessages()
  const store = useReadingStore()
  const saved = useReadingValue((s) => s.isSaved(article.id), false)
  return (
    <button
      type="button"
      className={compact ? 'save-toggle save-toggle-compact' : 'save-toggle'}
      aria-pressed={saved}
      aria-label={compact ? messages.saveTitled(article.title) : undefined}
      onClick={() => store.setSaved(article, !saved)}
    >
      <span className="save-icon" aria-hidden="true">
        {saved ? '★' : '☆'}
      </span>
      {compact ? null : messages.save}
    </button>
  )
}
