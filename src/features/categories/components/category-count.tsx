import { useMessages } from '@/lib/locale'
import { useHydrated } from '@/lib/use-hydrated'

export type CategoryCountProps = {
  count: number
  /** Unread articles, when the reading state is known. */
  unread?: number
}

/**
 * A node's count in the tree: its articles, or — once the reader's state
 * is known — how many of them are unread (the total stays in the title).
 * `data-reader` marks it as one of the parts that follow the reader's
 * state, which prerendered pages cannot know.
 */
export function CategoryCount({ count, unread: known }: CategoryCountProps) {
  const messages = useMessages()
  const unread = useHydrated() ? known : undefined
  if (unread === undefined) {
    return (
      <span className="count" data-reader="">
        {count}
      </span>
    )
  }
  return (
    <span
      data-reader=""
      className="count unread-count"
      data-unread={unread > 0}
      title={messages.articleCount(count)}
    >
      {unread} <span className="visually-hidden">{messages.unread}</span>
    </span>
  )
}
