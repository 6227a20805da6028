import { useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { unreadOnly } from '@/config/paths'
import type { ArticleSummary } from '@/lib/article-schema'
import { useReadingStore } from '@/lib/reading/use-reading'
import { useHydrated } from '@/lib/use-hydrated'

export type UnreadFilter = {
  /** Whether the URL asks for unread only (`?unread=1`). */
  on: boolean
  /** Turns it on or off (a new history entry, so Back undoes it). */
  set: (on: boolean) => void
  /**
   * `articles` without the read ones when on. A card that becomes read
   * while the list is shown (opened and come back from, marked, scrolled
   * past) keeps its place, quieter, until the list is opened anew.
   */
  apply: (articles: ArticleSummary[]) => ArticleSummary[]
}

/**
 * "Unread only" for any list — all, a category, saved, search results —
 * kept in the URL, so it survives reload and can be bookmarked.
 */
export function useUnreadFilter(): UnreadFilter {
  const location = useLocation()
  const navigate = useNavigate()
  const store = useReadingStore()
  const [since] = useState(() => store.shownSince(location.key))
  const on = unreadOnly.isOn(location.search)
  // Prerendered markup knows no reader: filter from the first client render on.
  const hydrated = useHydrated()
  return {
    on,
    set: (next) =>
      void navigate({
        pathname: location.pathname,
        search: unreadOnly.set(location.search, next),
      }),
    apply: (articles) =>
      on && hydrated
        ? articles.filter((a) => !store.isRead(a) || store.readSince(a, since))
        : articles,
  }
}
