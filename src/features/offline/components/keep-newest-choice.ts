/**
 * The reader's "keep the newest N offline" choice on this device and the
 * last result, shared by the setting (loaded with the settings menu) and
 * the sync the app frame mounts.
 */
import { useHydratedStore } from '@/lib/use-hydrated'
import { OFFLINE_BUDGETS, type ShelfReply } from '@/lib/offline-caches'

/** The counts the reader can choose from (0 = off). */
export const KEEP_NEWEST_CHOICES = [0, 10, 25, 50, 100, 200].filter(
  (n) => n <= OFFLINE_BUDGETS.newestMax,
)

/** localStorage keys: the choice, and what was last kept in full. */
export const COUNT_KEY = 'zixun:keep-newest'
export const SYNCED_KEY = 'zixun:keep-newest-synced'

/** A stored value, or null (none, or no storage). */
export function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

/** Stores a value where storage allows. */
export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // No storage: the choice lasts for this page only.
  }
}

function storedCount(): number {
  const n = Number(read(COUNT_KEY) ?? 0)
  return KEEP_NEWEST_CHOICES.includes(n) ? n : 0
}

// The choice and the last result, shared by the control and the sync.
type Choice = { count: number; result: ShelfReply | null }
let choice: Choice | null = null
const listeners = new Set<() => void>()
const current = (): Choice =>
  (choice ??= { count: storedCount(), result: null })
const SERVER: Choice = { count: 0, result: null }
/** Changes the choice or result and tells every component that shows it. */
export function update(next: Partial<Choice>) {
  choice = { ...current(), ...next }
  for (const listener of listeners) listener()
}
/** The choice and last result (nothing chosen on the server and until the switch after hydration). */
export function useChoice(): Choice {
  return useHydratedStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    current,
    () => SERVER,
  )
}
