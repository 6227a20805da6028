import { Link } from 'react-router'
import { paths } from '@/config/paths'
import { useMessages } from '@/lib/locale'
import { StableText } from '@/components/stable-text'

export type CategoryBreadcrumbProps = {
  path: readonly string[]
  /** The last level is the page being shown (a category view, not an article). */
  endsHere?: boolean
}

/** All › 编程 › 开源中国: every level is a link up the tree. */
export function CategoryBreadcrumb({
  path,
  endsHere = true,
}: CategoryBreadcrumbProps) {
  const messages = useMessages()
  return (
    <nav aria-label={messages.breadcrumb} className="breadcrumb">
      <ol>
        <li>
          <Link to={paths.home.getHref()}>
            <StableText text={(m) => m.all} />
          </Link>
        </li>
        {path.map((name, level) => {
          const isCurrent = endsHere && level === path.length - 1
          return (
            <li key={level}>
              <Link
                to={paths.category.getHref(path.slice(0, level + 1))}
                aria-current={isCurrent ? 'page' : undefined}
              >
                {name}
              </Link>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
