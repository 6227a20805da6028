import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'
import type { ArticleSummary } from '@/lib/article-schema'
import { readArticlePlace, useEntrySnapshot } from '@/lib/entry-snapshots'
import type { ArticlePosition } from '@/lib/reading/backend'
import { useReadingStore } from '@/lib/reading/use-reading'
import { useHydrated } from '@/lib/use-hydrated'
import { measurePlace, restorePlace } from './article-place'

/** Positions nearer the start or the end than this are not worth returning to. */
const MIN_PROGRESS = 0.03
const MAX_PROGRESS = 0.97
/** How long after the last scroll the place is written to storage. */
const SAVE_AFTER_MS = 800

/**
 * What reading an article does: it is read once it is shown, and the place
 * in it is kept — per history entry (Back, Forward, reload land on the same
 * line) and per article (opened again from any link, it continues where
 * the reader stopped). Returns whether it continued from a stored place,
 * and the way to start from the top instead.
 */
export function useArticleReading(
  article: ArticleSummary,
  remembered: ArticlePosition | undefined,
  bodySelector = '#main .article-body',
): { resumed: boolean; startOver: () => void } {
  const store = useReadingStore()
  const hydrated = useHydrated()
  const { key } = useLocation()
  const [resumed, setResumed] = useState(false)
  const body = () => document.querySelector(bodySelector)

  useEffect(() => {
    if (hydrated) store.setRead(article, true)
  }, [hydrated, store, article])

  // Come back to the entry's place, else to the article's stored one.
  useEffect(() => {
    const element = hydrated ? body() : null
    if (!element) return
    const entry = isFreshEntry(key)
      ? undefined
      : readArticlePlace(key, article.id)
    const stored =
      remembered &&
      remembered.progress > MIN_PROGRESS &&
      remembered.progress < MAX_PROGRESS
        ? remembered
        : undefined
    const target = entry ?? stored
    if (!target) return
    // After the router's scroll restoration (which runs after this view's effects).
    const frame = requestAnimationFrame(() => {
      if (restorePlace(element, target) && !entry) setResumed(true)
    })
    return () => cancelAnimationFrame(frame)
    // Only when the article or the entry changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hydrated, key, article.id])

  // Keep the place as the reader scrolls, and when the view is left.
  const keep = () => {
    const element = body()
    if (!element) return null
    const now = measurePlace(element)
    store.putPosition({ id: article.id, ...now, at: Date.now() })
    return now
  }
  const latestKeep = useRef(keep)
  useLayoutEffect(() => {
    latestKeep.current = keep
  })
  useEffect(() => {
    if (!hydrated) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const onScroll = () => {
      clearTimeout(timer)
      timer = setTimeout(() => latestKeep.current(), SAVE_AFTER_MS)
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      window.removeEventListener('scroll', onScroll)
      clearTimeout(timer)
    }
  }, [hydrated])

  // Taken while the view is still in the page (unmount, pagehide).
  useEntrySnapshot(key, () => {
    const now = hydrated ? keep() : null
    return now ? { article: { id: article.id, ...now } } : {}
  })

  return {
    resumed,
    startOver: () => {
      setResumed(false)
      window.scrollTo({ top: 0, behavior: 'instant' })
    },
  }
}

/**
 * Whether entry `key` was just opened afresh, not returned to. The first
 * entry of a tab has no state, so its key is always `default`: typed in,
 * or opened from a link in another site, it is new even though session
 * storage may remember an earlier `default` in the same tab; reloaded or
 * reached by Back and Forward, it is the same entry.
 */
function isFreshEntry(key: string): boolean {
  if (key !== 'default') return false
  const [load] = performance.getEntriesByType(
    'navigation',
  ) as PerformanceNavigationTiming[]
  return load?.type === 'navigate'
}
