import { useEffect, useId, useState } from 'react'
import { useMessages } from '@/lib/locale'
import { OFFLINE_BUDGETS } from '@/lib/offline-caches'
import { useHydrated } from '@/lib/use-hydrated'
import { useOfflineState } from '../offline-state'

/** The counts the reader can choose from (0 = off). */
export const KEEP_NEWEST_CHOICES = [0, 10, 25, 50, 100, 200].filter(
  (n) => n <= OFFLINE_BUDGETS.newestMax,
)

const COUNT_KEY = 'zixun:keep-newest'
const SYNCED_KEY = 'zixun:keep-newest-synced'

function storedCount(): number {
  try {
    const n = Number(localStorage.getItem(COUNT_KEY) ?? 0)
    return KEEP_NEWEST_CHOICES.includes(n) ? n : 0
  } catch {
    return 0
  }
}

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // No storage: the choice lasts for this page only.
  }
}

type Status =
  { kind: 'idle' | 'busy' } | { kind: 'done'; kept: number; failed: number }

/**
 * "Keep the newest N for offline": the reader's choice (this device), and
 * the newest N articles of the site downloaded with their images, again
 * whenever the data changed (`generated`, the manifest's date) and the
 * server answers. Browser-only: until hydrated it shows "Off" disabled.
 */
export function KeepNewestSetting({ generated }: { generated: string }) {
  const messages = useMessages()
  const hydrated = useHydrated()
  const { online } = useOfflineState()
  const id = useId()
  // On the server there is no localStorage: 0, and "Off" until hydrated.
  const [count, setCount] = useState(storedCount)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })

  useEffect(() => {
    if (!hydrated || !online) return
    const key = `${count} ${generated}`
    let synced: string | null = null
    try {
      synced = localStorage.getItem(SYNCED_KEY)
    } catch {
      // Treated as never synced.
    }
    if (synced === key || (count === 0 && synced === null)) return
    let current = true
    void import('../keep-offline')
      .then((keep) => keep.keepNewestOffline(count))
      .then(
        (reply) => {
          if (reply.failed === 0) remember(SYNCED_KEY, key)
          if (current) setStatus({ kind: 'done', ...reply })
        },
        () => current && setStatus({ kind: 'idle' }),
      )
    return () => {
      current = false
    }
  }, [hydrated, online, count, generated])

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
          setCount(next)
        }}
      >
        {KEEP_NEWEST_CHOICES.map((n) => (
          <option key={n} value={n}>
            {n === 0 ? messages.keepNewestOff : messages.keepNewestCount(n)}
          </option>
        ))}
      </select>
      <p role="status" className="keep-newest-status">
        {status.kind === 'done' && count > 0 && (
          <>
            {messages.keepNewestDone(status.kept)}
            {status.failed > 0 &&
              ` · ${messages.keepNewestFailed(status.failed)}`}
          </>
        )}
      </p>
    </div>
  )
}
