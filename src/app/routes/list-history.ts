import { useEffect } from 'react'
import { useLocation, useNavigate } from 'react-router'

/**
 * What the reader's history entries remember about lists:
 * - on a list entry, how many pages had been loaded (`listPages`), so Back
 *   and reload load as many again before the scroll position is restored;
 * - on an article entry, the list it was opened from (`fromList`), so
 *   previous/next walk that list.
 * Kept in history state rather than the URL: a shared list link opens at the
 * top, and the article URL stays the one canonical address.
 */
type ListHistoryState = {
  listPages?: { href: string; pages: number }
  fromList?: string
}

function asState(value: unknown): ListHistoryState {
  return typeof value === 'object' && value !== null
    ? (value as ListHistoryState)
    : {}
}

/**
 * Pages to load for the list at `href` when its loader runs. React Router
 * keeps `location.state` in `history.state.usr`; on a reload or a Back/Forward
 * the browser has already moved to the entry being loaded, so its state is
 * the one to read. On a link navigation the entry is another page's and the
 * `href` check ignores it.
 */
export function readListPages(href: string): number {
  const usr = (window.history.state as { usr?: unknown } | null)?.usr
  const stored = asState(usr).listPages
  return stored?.href === href ? stored.pages : 1
}

/** Writes the number of loaded pages into the current history entry. */
export function useRememberListPages(pages: number) {
  const location = useLocation()
  const navigate = useNavigate()
  const stored = asState(location.state).listPages
  const isCurrent = stored?.href === location.pathname && stored.pages === pages
  const needsWrite = !isCurrent && (pages > 1 || stored !== undefined)
  useEffect(() => {
    if (!needsWrite) return
    const state = asState(location.state)
    void navigate(location, {
      replace: true,
      preventScrollReset: true,
      state: { ...state, listPages: { href: location.pathname, pages } },
    })
  }, [needsWrite, location, navigate, pages])
}

/** Navigation state for links opened from the list at `href`. */
export function fromListState(href: string): ListHistoryState {
  return { fromList: href }
}

/** The list an article was opened from, if the history entry knows it. */
export function readFromList(state: unknown): string | undefined {
  const from = asState(state).fromList
  return typeof from === 'string' ? from : undefined
}
