import { useCallback } from 'react'
import { useHydratedStore } from '@/lib/use-hydrated'

/** The setting's key in localStorage (exported with the other `zixun:` settings). */
export const MARK_ON_SCROLL_KEY = 'zixun:mark-read-on-scroll'

/** The choice made while storage refused to keep it. */
let unstored: boolean | null = null

function read(): boolean {
  if (unstored !== null) return unstored
  try {
    return localStorage.getItem(MARK_ON_SCROLL_KEY) === 'true'
  } catch {
    return false
  }
}

function subscribe(onChange: () => void) {
  // Other tabs write it too: the `storage` event tells this one.
  window.addEventListener('storage', onChange)
  window.addEventListener(MARK_ON_SCROLL_KEY, onChange)
  return () => {
    window.removeEventListener('storage', onChange)
    window.removeEventListener(MARK_ON_SCROLL_KEY, onChange)
  }
}

/**
 * "Mark as read when scrolled past": off by default, remembered in
 * localStorage and the same in every tab. False on the server and until
 * the switch after hydration.
 */
export function useMarkOnScroll(): [boolean, (on: boolean) => void] {
  const on = useHydratedStore(subscribe, read, () => false)
  const set = useCallback((next: boolean) => {
    try {
      localStorage.setItem(MARK_ON_SCROLL_KEY, String(next))
      unstored = null
    } catch {
      // Storage refused: the switch lasts for this page only.
      unstored = next
    }
    window.dispatchEvent(new Event(MARK_ON_SCROLL_KEY))
  }, [])
  return [on, set]
}
