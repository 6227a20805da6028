import { Link } from 'react-router'
import { paths } from '@/config/paths'
import type { CategoryPath } from '@/lib/article-schema'

export type CategoryLinksProps = {
  categories: CategoryPath[]
}

/** Each category path as links, one per level: 编程 › 开源中国 › 资讯. */
export function CategoryLinks({ categories }: CategoryLinksProps) {
  if (categories.length === 0) return null
  return (
    <span className="category-links">
      {categories.map((path) => (
        <span className="category-path" key={path.join('\u001f')}>
          {path.map((name, level) => (
            <span key={level}>
              {level > 0 && <span aria-hidden="true"> › </span>}
              <Link to={paths.category.getHref(path.slice(0, level + 1))}>
                {name}
              </Link>
            </span>
          ))}
        </span>
      ))}
    </span>
  )
}
