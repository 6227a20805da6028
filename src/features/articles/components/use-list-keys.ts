import { useEffect, useLayoutEffect, useRef } from 'react'
import type { FocusEvent, RefObject } from 'react'
import { useNavigate } from 'react-router'
import { paths } from '@/config/paths'
import type { ArticleSummary } from '@/lib/article-schema'
import { setCurrentCard } from '@/lib/current-card'
import { useMessages } from '@/lib/locale'
import { openOriginal, prefersReducedMotion } from '@/lib/open-original'
import { useKeyBindings } from '@/lib/use-key-bindings'

export type ListKeysOptions = {
  articles: ArticleSummary[]
  listRef: RefObject<HTMLOListElement | null>
  /** Brings a row that is not rendered into the window (windowed lists). */
  scrollToIndex: (index: number) => void
  /** The card selected when the list was left (Back returns to it). */
  initial?: string
  linkState?: unknown
  hasMore?: boolean
  onLoadMore?: () => void
}

/**
 * The list's keys: j/k select the next/previous card (its title link takes
 * focus, and it is scrolled into view), o or Enter open it, v opens its
 * original. A card outside the rendered window is scrolled to first and
 * focused once it renders; past the last loaded card, j loads the next
 * page. Returns the selected article's id (for the list's snapshot) and
 * the list's focus handler (a card focused with Tab or a click is selected).
 */
export function useListKeys(options: ListKeysOptions) {
  const { articles, listRef, scrollToIndex } = options
  const messages = useMessages()
  const navigate = useNavigate()
  const current = useRef<string | null>(options.initial ?? null)
  // A card to focus once it is rendered (scrolled to, or on a page
  // loading): the rows render again as the window scrolls or pages load.
  const pending = useRef<number | null>(null)
  const scrolledTo = useRef<number | null>(null)

  const rowAt = (index: number) =>
    listRef.current?.querySelector<HTMLElement>(
      `:scope > li[data-index="${index}"]`,
    ) ?? null

  const select = (index: number): boolean => {
    const row = rowAt(index)
    const link = row?.querySelector<HTMLAnchorElement>('.card-title a')
    if (!row || !link) return false
    current.current = articles[index].id
    setCurrentCard(current.current)
    link.focus({ preventScroll: true })
    row.scrollIntoView({
      block: 'nearest',
      behavior: prefersReducedMotion() ? 'instant' : 'smooth',
    })
    return true
  }

  const go = (index: number) => {
    if (index < 0) return
    if (index >= articles.length) {
      if (options.hasMore) {
        options.onLoadMore?.()
        pending.current = index
      }
      return
    }
    if (!select(index)) {
      scrollToIndex(index)
      scrolledTo.current = index
      pending.current = index
    }
  }

  // The card holding focus, else the one selected last, else none.
  const currentIndex = (): number => {
    const active = document.activeElement
    const row =
      active && listRef.current?.contains(active)
        ? active.closest<HTMLElement>('li[data-index]')
        : null
    if (row) return Number(row.dataset.index)
    const id = current.current
    return id ? articles.findIndex((article) => article.id === id) : -1
  }

  const move = (delta: 1 | -1) => {
    const from = currentIndex()
    go(from < 0 ? firstOnScreen(listRef.current) : from + delta)
  }

  const selected = (): ArticleSummary | undefined => articles[currentIndex()]

  useLayoutEffect(() => {
    const index = pending.current
    if (index === null || index >= articles.length) return
    if (select(index)) {
      pending.current = null
      scrolledTo.current = null
    } else if (scrolledTo.current !== index) {
      // A page that just loaded: its card may be outside the window.
      scrollToIndex(index)
      scrolledTo.current = index
    }
  })

  useEffect(() => {
    setCurrentCard(current.current)
    return () => setCurrentCard(null)
  }, [])

  const open = () => {
    const article = selected()
    if (article) {
      void navigate(paths.article.getHref(article.id), {
        state: options.linkState,
      })
    }
  }

  // Listed whenever a list is shown (the help overlay names them); with no
  // card selected yet, o, Enter and v do nothing.
  useKeyBindings([
    {
      keys: 'j',
      label: messages.keys.nextCard,
      group: 'list',
      run: () => move(1),
    },
    {
      keys: 'k',
      label: messages.keys.previousCard,
      group: 'list',
      run: () => move(-1),
    },
    {
      keys: 'o',
      label: messages.keys.openCard,
      group: 'list',
      run: open,
    },
    {
      keys: 'Enter',
      label: messages.keys.openCard,
      group: 'list',
      run: open,
    },
    {
      keys: 'v',
      label: messages.keys.openOriginal,
      group: 'list',
      run: () => void openOriginal(selected()?.external_url),
    },
  ])

  return {
    selectedId: () => current.current,
    onFocus: (event: FocusEvent<HTMLOListElement>) => {
      const row = (event.target as Element).closest<HTMLElement>(
        'li[data-index]',
      )
      const article = row ? articles[Number(row.dataset.index)] : undefined
      if (!article) return
      current.current = article.id
      setCurrentCard(article.id)
    },
  }
}

/** The first card whose top half is below the sticky header, by index. */
function firstOnScreen(list: HTMLOListElement | null): number {
  const header = document.querySelector('.site-header')
  const top = header?.getBoundingClientRect().bottom ?? 0
  const rows = [...(list?.querySelectorAll<HTMLElement>(':scope > li') ?? [])]
  const visible = rows
    .map((row) => ({ row, rect: row.getBoundingClientRect() }))
    .filter(({ rect }) => rect.top + rect.height / 2 > top)
    .sort((a, b) => a.rect.top - b.rect.top)[0]
  return visible ? Number(visible.row.dataset.index) : 0
}
