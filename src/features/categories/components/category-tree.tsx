import { useState } from 'react'
import { NavLink } from 'react-router'
import { paths } from '@/config/paths'
import type { CategoryNode } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'

export type CategoryTreeProps = {
  nodes: readonly CategoryNode[]
  /** The category being shown: its branch starts open. */
  activePath: readonly string[]
}

/** Nested lists of category links with counts; branches open and close. */
export function CategoryTree({ nodes, activePath }: CategoryTreeProps) {
  return nodes.map((node) => (
    <CategoryItem key={node.key} node={node} activePath={activePath} />
  ))
}

function CategoryItem({
  node,
  activePath,
}: {
  node: CategoryNode
  activePath: readonly string[]
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
          {node.name} <span className="count">{node.count}</span>
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
          <CategoryTree nodes={node.children} activePath={activePath} />
        </ul>
      )}
    </li>
  )
}
