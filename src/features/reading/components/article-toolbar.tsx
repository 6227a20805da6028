import type { ArticleSummary } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { useReadingStore } from '@/lib/reading/use-reading'
import { useKeyBindings } from '@/lib/use-key-bindings'
import { ReadToggle } from './read-toggle'
import { SaveToggle } from './save-toggle'

export type ArticleToolbarProps = { article: ArticleSummary }

/**
 * Under an article's byline: save it, mark it unread; `s` and `m` do the
 * same. `data-reader`: it follows the reader's state (prerendered: unknown).
 */
export function ArticleToolbar({ article }: ArticleToolbarProps) {
  const messages = useMessages()
  const store = useReadingStore()
  useKeyBindings([
    {
      keys: 'm',
      label: messages.keyToggleRead,
      group: 'article',
      run: () => store.setRead(article, !store.isRead(article)),
    },
    {
      keys: 's',
      label: messages.keySave,
      group: 'article',
      run: () => store.setSaved(article, !store.isSaved(article.id)),
    },
  ])
  return (
    <div className="article-toolbar" data-reader="">
      <SaveToggle article={article} />
      <ReadToggle article={article} />
    </div>
  )
}
