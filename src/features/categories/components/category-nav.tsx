import { useRef, useState } from 'react'
import { NavLink } from 'react-router'
import { paths } from '@/config/paths'
import type { CategoryNode } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { useKeyBindings } from '@/lib/use-key-bindings'
import { CategoryCount, type UnreadCounts } from './category-count'
import { CategoryTree } from './category-tree'
import { StableText } from '@/components/stable-text'

export type CategoryNavProps = {
  tree: readonly CategoryNode[]
  total: number
  /** The category being shown, to open its branch (the same array while it is the same). */
  activePath?: readonly string[]
  unread?: UnreadCounts
}

const NO_PATH: readonly string[] = []

/**
 * The category tree with counts. On wide screens it is always shown; on
 * phones it folds into one "Categories" button naming the current view,
 * which opens the whole tree as a sheet and closes again on navigation
 * or Esc.
 */
export function CategoryNav({
  tree,
  total,
  activePath = NO_PATH,
  unread,
}: CategoryNavProps) {
  const messages = useMessages()
  const here = activePath.join('\u001f')
  // Open "for" one view only, so navigating closes the sheet without an effect.
  const [openFor, setOpenFor] = useState<string | null>(null)
  const isOpen = openFor === here
  const toggle = useRef<HTMLButtonElement>(null)
  useKeyBindings([
    {
      keys: 'Escape',
      label: messages.keys.closeCategories,
      group: 'general',
      run: () => {
        setOpenFor(null)
        toggle.current?.focus()
      },
      when: () => isOpen,
    },
  ])
  return (
    <nav
      aria-label={messages.categories}
      className="category-nav"
      data-open={isOpen}
    >
      <button
        ref={toggle}
        type="button"
        className="category-toggle"
        aria-expanded={isOpen}
        aria-controls="category-tree"
        onClick={() => setOpenFor(isOpen ? null : here)}
      >
        <StableText text={(m) => m.categories} />
        <span className="category-toggle-current">
          {activePath.at(-1) ?? <StableText text={(m) => m.all} />}
        </span>
      </button>
      <ul id="category-tree" className="category-tree">
        <li>
          <div className="category-row">
            <NavLink to={paths.home.getHref()} end>
              <StableText text={(m) => m.all} />{' '}
              <CategoryCount node={null} count={total} unread={unread} />
            </NavLink>
          </div>
        </li>
        <CategoryTree nodes={tree} activePath={activePath} unread={unread} />
      </ul>
    </nav>
  )
}
