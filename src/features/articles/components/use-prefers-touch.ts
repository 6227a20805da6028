import { useSyncExternalStore } from 'react'

const QUERY = '(hover: none)'

function media(): MediaQueryList | null {
  return typeof window.matchMedia === 'function'
    ? window.matchMedia(QUERY)
    : null
}

function subscribe(onChange: () => void) {
  const list = media()
  list?.addEventListener('change', onChange)
  return () => list?.removeEventListener('change', onChange)
}

/** True on screens that cannot hover (phones, tablets): prefetch on view instead. */
export function usePrefersTouch(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  )
}
