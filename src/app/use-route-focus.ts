import { useEffect, useRef } from 'react'
import type { RefObject } from 'react'
import { useLocation } from 'react-router'

/**
 * After the reader goes to another page in the app, moves focus to its
 * main heading (the `<h1>` in `main`, else `main` itself), so keyboard and
 * screen-reader users start on the new page and hear its title, as on a
 * page load. Not on the first page (the browser starts at its top), nor
 * when only the query changes (a filter, a search as it is typed), nor
 * while a field has focus (typing in the header's search field leads to
 * `/search`; "search in this category" puts focus there on purpose). The
 * page does not scroll for it: scroll restoration decides where it is.
 */
export function useRouteFocus(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation()
  const shown = useRef(pathname)
  useEffect(() => {
    if (shown.current === pathname) return
    shown.current = pathname
    const root = main.current
    if (!root) return
    if (document.activeElement?.matches(FIELDS)) return
    const target = root.querySelector<HTMLElement>('h1') ?? root
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
    target.focus({ preventScroll: true })
  }, [pathname, main])
}

/** Elements a reader types in. */
const FIELDS = 'input, textarea, select, [contenteditable]'
