import { createContext, use, useCallback, type ReactNode } from 'react'
import { useHydratedStore } from '../use-hydrated'
import { ReadingSlot } from './reading-slot'
import type { ReadingStore } from './reading-store'

const ReadingContext = createContext<ReadingSlot | null>(null)

/** The browser's slot: the store's chunk starts loading at once. */
export function createBrowserReadingSlot(): ReadingSlot {
  const slot = new ReadingSlot(() =>
    import('./browser-store').then((m) => m.openBrowserReadingStore()),
  )
  void slot.ready()
  return slot
}

export type ReadingProviderProps = { slot: ReadingSlot; children: ReactNode }

/** Gives everything below the reader's state on this device. */
export function ReadingProvider({ slot, children }: ReadingProviderProps) {
  return <ReadingContext value={slot}>{children}</ReadingContext>
}

/** The reading store (for actions: mark read, save, export); views under the root route only. */
export function useReadingStore(): ReadingStore {
  const slot = use(ReadingContext)
  if (!slot) throw new Error('useReadingStore needs a <ReadingProvider>')
  return slot.get()
}

/**
 * `select(store)`, re-rendering when its value changes. On the server and
 * until the component's switch after hydration it is `fallback`:
 * prerendered markup knows nothing about the reader, and the first client
 * render must match it (`useHydratedStore`).
 */
export function useReadingValue<T>(
  select: (store: ReadingStore) => T,
  fallback: T,
): T {
  const store = useReadingStore()
  const subscribe = useCallback(
    (onChange: () => void) => store.subscribe(onChange),
    [store],
  )
  return useHydratedStore(
    subscribe,
    () => select(store),
    () => fallback,
  )
}

/**
 * The store's change counter (re-renders on every change): for views that
 * derive a lot from it (a list's read cards and its toolbar).
 * 0 until the switch after hydration.
 */
export function useReadingVersion(): number {
  return useReadingValue((store) => store.version, 0)
}
