import { Link } from 'react-router'

/**
 * "Search in this category" / "Search saved articles": a link to `/search`
 * limited to what the list shows, which puts the caret in the search field
 * on arrival (`focusSearch`, read by the search field).
 */
export function SearchScopeLink({ to, label }: { to: string; label: string }) {
  return (
    <p className="category-search">
      <Link to={to} state={{ focusSearch: true }}>
        {label}
      </Link>
    </p>
  )
}
