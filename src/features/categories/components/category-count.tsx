import type { CategoryNode } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { useHydratedStore } from '@/lib/use-hydrated'

/**
 * Unread articles in a node and below it (all articles: `null`), from the
 * reader's state on this device: each count reads it itself, so a change
 * re-renders only the counts it changes.
 */
export type UnreadCounts = {
  subscribe(onChange: () => void): () => void
  of(node: CategoryNode | null): number
}

export type CategoryCountProps = {
  /** The node counted (all articles: `null`) and its articles. */
  node: CategoryNode | null
  count: number
  unread?: UnreadCounts
}

const NOT_KNOWN = () => undefined
const NO_CHANGES = () => () => {}

/**
 * A node's count in the tree: its articles, or — once the reader's state
 * is known (from the row's switch after hydration) — how many of them are
 * unread (the total stays in the title). `data-reader` marks it as one of
 * the parts that follow the reader's state, which prerendered pages cannot
 * know.
 */
export function CategoryCount({
  node,
  count,
  unread: counts,
}: CategoryCountProps) {
  const messages = useMessages()
  const unread = useHydratedStore(
    counts?.subscribe ?? NO_CHANGES,
    counts ? () => counts.of(node) : NOT_KNOWN,
    NOT_KNOWN,
  )
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
