import type { ArticleSummary } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { useReadingStore } from '@/lib/reading/use-reading'
import { useKeyBindings } from '@/lib/use-key-bindings'

/** The card that holds the focus (its link or one of its buttons), if any. */
function focusedCardId(): string | null {
  const active = document.activeElement
  const card = active?.closest<HTMLElement>('[data-article-id]')
  return card?.dataset.articleId ?? null
}

/**
 * The keys of reading state on a list: `m` marks the focused card (the
 * one `j`/`k` or Tab reached) read or unread, `s` saves it, `Shift+A`
 * marks the whole list read. With no card focused, `m` and `s` do nothing.
 */
export function useListKeys(
  articles: readonly ArticleSummary[],
  markAll: () => void,
) {
  const messages = useMessages()
  const store = useReadingStore()
  const focused = () => {
    const id = focusedCardId()
    return id ? articles.find((a) => a.id === id) : undefined
  }
  useKeyBindings([
    {
      keys: 'm',
      label: messages.keyToggleRead,
      group: 'list',
      run: () => {
        const article = focused()
        if (article) store.setRead(article, !store.isRead(article))
      },
    },
    {
      keys: 's',
      label: messages.keySave,
      group: 'list',
      run: () => {
        const article = focused()
        if (article) store.setSaved(article, !store.isSaved(article.id))
      },
    },
    {
      keys: 'Shift+A',
      label: messages.keyMarkAllRead,
      group: 'list',
      run: markAll,
    },
  ])
}
