import { useHydratedStore } from '@/lib/use-hydrated'

let query: MediaQueryList | null | undefined

/** One shared `(hover: none)` query for every card. */
function media(): MediaQueryList | null {
  if (query === undefined) {
    query =
      typeof window.matchMedia === 'function'
        ? window.matchMedia('(hover: none)')
        : null
  }
  return query
}

function subscribe(onChange: () => void) {
  const list = media()
  list?.addEventListener('change', onChange)
  return () => list?.removeEventListener('change', onChange)
}

/**
 * True on screens that cannot hover (phones, tablets): prefetch on view
 * instead. False until the switch after hydration.
 */
export function usePrefersTouch(): boolean {
  return useHydratedStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  )
}
