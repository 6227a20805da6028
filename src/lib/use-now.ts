import { useSyncExternalStore } from 'react'

const TICK_MS = 60_000
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined

function subscribe(onChange: () => void) {
  listeners.add(onChange)
  timer ??= setInterval(() => {
    for (const listener of listeners) listener()
  }, TICK_MS)
  return () => {
    listeners.delete(onChange)
    if (listeners.size === 0) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

// The same number for a whole minute: a stable snapshot between renders.
const minute = () => Math.floor(Date.now() / TICK_MS)

/**
 * Now, to the minute; the caller re-renders when the minute changes (one
 * timer for every caller), so "3 minutes ago" stays true on a page left
 * open.
 */
export function useNow(): number {
  return useSyncExternalStore(subscribe, minute, minute) * TICK_MS
}
