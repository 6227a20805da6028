import type { ArticleSummary } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { useReadingStore, useReadingValue } from '@/lib/reading/use-reading'

export type ReadToggleProps = { article: ArticleSummary }

/** "Mark as unread" on an article that was read (opening one reads it), and back. */
export function ReadToggle({ article }: ReadToggleProps) {
  const messages = useMessages()
  const store = useReadingStore()
  const read = useReadingValue((s) => s.isRead(article), false)
  return (
    <button
      type="button"
      className="read-toggle"
      onClick={() => store.setRead(article, !read)}
    >
      {read ? messages.markUnread : messages.markRead}
    </button>
  )
}
