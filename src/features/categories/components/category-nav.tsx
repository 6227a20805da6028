import { NavLink } from 'react-router'
import { messages } from '@/config/messages'
import { paths } from '@/config/paths'
import type { CategoryNode } from '@/lib/article-schema'

export type CategoryNavProps = {
  tree: readonly CategoryNode[]
  total: number
  /** The category being shown, to open its branch. */
  activePath?: readonly string[]
}

/** The category tree with counts; branches expand and collapse. */
export function CategoryNav({
  tree,
  total,
  activePath = [],
}: CategoryNavProps) {
  return (
    <nav aria-label={messages.categories} className="category-nav">
      <ul>
        <li>
          <NavLink to={paths.home.getHref()} end>
            {messages.all} <Count value={total} />
          </NavLink>
        </li>
        {tree.map((node) => (
          <CategoryItem key={node.key} node={node} activePath={activePath} />
        ))}
      </ul>
    </nav>
  )
}

function CategoryItem(props: {
  node: CategoryNode
  activePath: readonly string[]
}) {
  const { node, activePath } = props
  const link = (
    <NavLink to={paths.category.getHref(node.path)} end>
      {node.name} <Count value={node.count} />
    </NavLink>
  )
  if (node.children.length === 0) return <li>{link}</li>
  const isOpen = node.path.every((name, i) => activePath[i] === name)
  return (
    <li>
      <details open={isOpen || undefined}>
        <summary>{link}</summary>
        <ul>
          {node.children.map((child) => (
            <CategoryItem
              key={child.key}
              node={child}
              activePath={activePath}
            />
          ))}
        </ul>
      </details>
    </li>
  )
}

function Count({ value }: { value: number }) {
  return <span className="count">{value}</span>
}
