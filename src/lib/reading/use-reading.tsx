import {
  createContext,
  use,
  useCallback,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import { useHydrated } from '../use-hydrated'
import { openIdbBackend } from './idb-backend'
import { MemoryBackend } from './memory-backend'
import { ReadingStore } from './reading-store'

const ReadingContext = createContext<ReadingStore | null>(null)

/** The browser's store: IndexedDB, memory when that is unavailable. It starts loading at once. */
export function createBrowserReadingStore(): ReadingStore {
  const store = new ReadingStore({ open: () => openIdbBackend() })
  void store.ready()
  return store
}

/** A store that remembers nothing (the prerenderer: pages show no reading state). */
export function createStaticReadingStore(): ReadingStore {
  return new ReadingStore({
    open: async () => new MemoryBackend(),
    channel: () => ({ post: () => {}, close: () => {} }),
  })
}

export type ReadingProviderProps = { store: ReadingStore; children: ReactNode }

/** Gives everything below the reader's state on this device. */
export function ReadingProvider({ store, children }: ReadingProviderProps) {
  return <ReadingContext value={store}>{children}</ReadingContext>
}

/** The reading store (for actions: mark read, save, export). */
export function useReadingStore(): ReadingStore {
  const store = use(ReadingContext)
  if (!store) throw new Error('useReadingStore needs a <ReadingProvider>')
  return store
}

/**
 * `select(store)`, re-rendering when its value changes. Until the app has
 * hydrated (and on the server) it is `fallback`: prerendered markup knows
 * nothing about the reader, and the first client render must match it.
 */
export function useReadingValue<T>(
  select: (store: ReadingStore) => T,
  fallback: T,
): T {
  const store = useReadingStore()
  const hydrated = useHydrated()
  const subscribe = useCallback(
    (onChange: () => void) => store.subscribe(onChange),
    [store],
  )
  const value = useSyncExternalStore(
    subscribe,
    () => select(store),
    () => fallback,
  )
  return hydrated ? value : fallback
}

/**
 * The store's change counter (re-renders on every change): for views that
 * derive a lot from it (a list's read cards, the tree's unread counts).
 * 0 until hydrated.
 */
export function useReadingVersion(): number {
  return useReadingValue((store) => store.version, 0)
}
