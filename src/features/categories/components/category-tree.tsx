import { memo, useState } from 'react'
import { NavLink } from 'react-router'
import { paths } from '@/config/paths'
import type { CategoryNode } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { HydrationPart } from '@/lib/use-hydrated'
import { CategoryCount, type UnreadCounts } from './category-count'

export type CategoryTreeProps = {
  nodes: readonly CategoryNode[]
  /** The category being shown: its branch starts open. */
  activePath: readonly string[]
  /** Unread articles in each node (and below it). */
  unread?: UnreadCounts
  /** The rows are on screen (not inside a closed branch); default true. */
  shown?: boolean
}

/**
 * Nested lists of category links with counts; branches open and close.
 * Memoised: the frame's re-renders (its switch after hydration, a change
 * of language) leave the rows to their own.
 */
export const CategoryTree = memo(function CategoryTree({
  nodes,
  activePath,
  unread,
  shown = true,
}: CategoryTreeProps) {
  // Each row makes the switch after hydration in a turn of its own; rows
  // in a closed branch once it is opened.
  return nodes.map((node) => (
    <HydrationPart key={node.key} held={!shown}>
      <CategoryItem node={node} activePath={activePath} unread={unread} />
    </HydrationPart>
  ))
})

function CategoryItem({
  node,
  activePath,
  unread,
}: {
  node: CategoryNode
  activePath: readonly string[]
  unread?: UnreadCounts
}) {
  const onActivePath = node.path.every((name, i) => activePath[i] === name)
  const [chosen, setChosen] = useState<boolean | null>(null)
  const messages = useMessages()
  const isOpen = chosen ?? onActivePath
  const hasChildren = node.children.length > 0
  const listId = `category-${node.key}`
  return (
    <li>
      <div className="category-row">
        <NavLink to={paths.category.getHref(node.path)} end>
          {node.name}{' '}
          <CategoryCount node={node} count={node.count} unread={unread} />
        </NavLink>
        {hasChildren && (
          <button
            type="button"
            className="category-expander"
            aria-expanded={isOpen}
            aria-controls={listId}
            aria-label={messages.expand(node.name)}
            onClick={() => setChosen(!isOpen)}
          />
        )}
      </div>
      {hasChildren && (
        <ul id={listId} hidden={!isOpen}>
          <CategoryTree
            nodes={node.children}
            activePath={activePath}
            unread={unread}
            shown={isOpen}
          />
        </ul>
      )}
    </li>
  )
}
