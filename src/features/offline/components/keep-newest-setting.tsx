import { useEffect, useId, useSyncExternalStore } from 'react'
import { useMessages } from '@/lib/locale'
import { OFFLINE_BUDGETS, type ShelfReply } from '@/lib/offline-caches'
import { useHydrated } from '@/lib/use-hydrated'
import { useOfflineState } from '../offline-state'

/** The counts the reader can choose from (0 = off). */
export const KEEP_NEWEST_CHOICES = [0, 10, 25, 50, 100, 200].filter(
  (n) => n <= OFFLINE_BUDGETS.newestMax,
)

const COUNT_KEY = 'zixun:keep-newest'
const SYNCED_KEY = 'zixun:keep-newest-synced'

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function remember(key: string, value: string): void {
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
function update(next: Partial<Choice>) {
  choice = { ...current(), ...next }
  for (const listener of listeners) listener()
}
function useChoice(): Choice {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    current,
    () => SERVER,
  )
}

/**
 * Keeps the newest N (the reader's choice on this device) for offline:
 * downloads them with their images whenever the choice or the data
 * (`generated`, the manifest's date) changed and the server answers.
 * Mounted once by the app frame; renders nothing.
 */
export function KeepNewestSync({ generated }: { generated: string }) {
  const hydrated = useHydrated()
  const { online } = useOfflineState()
  const { count } = useChoice()
  useEffect(() => {
    if (!hydrated || !online) return
    const key = `${count} ${generated}`
    const synced = read(SYNCED_KEY)
    if (synced === key || (count === 0 && synced === null)) return
    let live = true
    void import('../keep-offline')
      .then((keep) => keep.keepNewestOffline(count))
      .then(
        (result) => {
          if (result.failed === 0) remember(SYNCED_KEY, key)
          if (live) update({ result })
        },
        () => undefined,
      )
    return () => {
      live = false
    }
  }, [hydrated, online, count, generated])
  return null
}

/** The setting itself (the settings menu shows it), with the last result. */
export function KeepNewestSetting() {
  const messages = useMessages()
  const hydrated = useHydrated()
  const { count, result } = useChoice()
  const id = useId()
  return (
    <div className="keep-newest">
      <label htmlFor={id}>{messages.keepNewest}</label>
      <select
        id={id}
        value={hydrated ? count : 0}
        disabled={!hydrated}
        onChange={(event) => {
          const next = Number(event.target.value)
          remember(COUNT_KEY, String(next))
          update({ count: next, result: null })
        }}
      >
        {KEEP_NEWEST_CHOICES.map((n) => (
          <option key={n} value={n}>
            {n === 0 ? messages.keepNewestOff : messages.keepNewestCount(n)}
          </option>
        ))}
      </select>
      <p role="status" className="keep-newest-status">
        {result && count > 0 && (
          <>
            {messages.keepNewestDone(result.kept)}
            {result.failed > 0 &&
              ` · ${messages.keepNewestFailed(result.failed)}`}
          </>
        )}
      </p>
    </div>
  )
}
