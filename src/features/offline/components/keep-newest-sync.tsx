import { useEffect } from 'react'
import { useHydrated } from '@/lib/use-hydrated'
import { useOfflineState } from '../use-offline-state'
import {
  read,
  remember,
  SYNCED_KEY,
  update,
  useChoice,
} from './keep-newest-choice'

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
