import { useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { paths } from '@/config/paths'
import { useMessages } from '@/lib/locale'
import { useKeyBindings } from '@/lib/use-key-bindings'

/** Quiet time after the last key before the results follow what was typed. */
export const SEARCH_DEBOUNCE_MS = 200

/** The field's id: there is one header, so one field, per page. */
const FIELD_ID = 'site-search'

export type SearchFieldProps = {
  /**
   * Called when the reader first turns to the field (focus, or the first
   * key): the route loads the search code and index meta ahead of the query.
   */
  onWarm?: () => void
  /**
   * Called with the search's URL just before navigating there: the route
   * starts the search while the navigation runs.
   */
  onSearch?: (href: string) => void
}

/**
 * The header's search field, on every page. Typing shows results as you
 * type: after a short pause the URL becomes `/search?q=…` (replacing the
 * entry while on the search page, so Back leaves the search), and focus
 * stays in the field. Enter goes there at once. `/` focuses the field,
 * never while typing elsewhere (the key map sees to that). The form holds
 * no search logic: the engine is in the search route's lazy chunk.
 */
export function SearchField({ onWarm, onSearch }: SearchFieldProps) {
  const messages = useMessages()
  const navigate = useNavigate()
  const location = useLocation()
  const onSearchPage = location.pathname === paths.search.path
  const params = paths.search.parse(new URLSearchParams(location.search))
  const urlQuery = onSearchPage ? (params.q ?? '') : ''
  const [value, setValue] = useState(urlQuery)
  const input = useRef<HTMLInputElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const warmed = useRef(false)

  // The URL changed without the field (Back, Forward, a link): follow it.
  const typed = useRef(urlQuery)
  useEffect(() => {
    if (urlQuery !== typed.current) {
      typed.current = urlQuery
      setValue(urlQuery)
    }
  }, [urlQuery])
  useEffect(() => () => clearTimeout(timer.current), [])
  // "Search in this category" leads here to type at once.
  const wantsFocus =
    (location.state as { focusSearch?: boolean } | null)?.focusSearch === true
  useEffect(() => {
    if (wantsFocus) input.current?.focus()
  }, [wantsFocus, location.key])

  const warm = () => {
    if (warmed.current) return
    warmed.current = true
    onWarm?.()
  }

  const go = (q: string, replace: boolean) => {
    clearTimeout(timer.current)
    // Clearing the field elsewhere is no search.
    if (!onSearchPage && q.trim() === '') return
    typed.current = q
    // The benchmark measures from here to the results painted.
    performance.mark?.('zixun:search-query', { detail: q })
    const scope = onSearchPage
      ? { c: params.c, sort: params.sort, saved: params.saved }
      : {}
    const href = paths.search.getHref({ ...scope, q })
    onSearch?.(href)
    void navigate(href, { replace })
  }

  useKeyBindings([
    {
      keys: '/',
      label: messages.search,
      group: 'general',
      run: (event) => {
        event.preventDefault()
        input.current?.focus()
        input.current?.select()
      },
    },
  ])

  return (
    <form
      role="search"
      className="search-form"
      action={paths.search.path}
      onSubmit={(event) => {
        event.preventDefault()
        go(value, onSearchPage && value === urlQuery)
        // On a touch screen, Enter ("Search") puts the keyboard away.
        if (window.matchMedia?.('(pointer: coarse)').matches)
          input.current?.blur()
      }}
    >
      <label htmlFor={FIELD_ID} className="visually-hidden">
        {messages.search}
      </label>
      <input
        ref={input}
        id={FIELD_ID}
        type="search"
        name="q"
        className="search-input"
        placeholder={messages.search}
        autoComplete="off"
        enterKeyHint="search"
        maxLength={2000}
        value={value}
        onFocus={warm}
        onChange={(event) => {
          warm()
          const q = event.target.value
          setValue(q)
          clearTimeout(timer.current)
          timer.current = setTimeout(
            () => go(q, onSearchPage),
            SEARCH_DEBOUNCE_MS,
          )
        }}
      />
    </form>
  )
}
