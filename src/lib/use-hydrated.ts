import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False while React renders on the server and while it hydrates that
 * markup in the browser; true in every other client render. React
 * renders again with true right after hydration, so a component can
 * first draw exactly what was prerendered and then what the reader gets.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
