import { useEffect, useState } from 'react'
import { articleDataUrl } from '@/lib/offline-caches'
import { useOfflineState } from './use-offline-state'

/** True when some cache of ours holds the article's JSON. */
export async function isAvailableOffline(id: string): Promise<boolean> {
  if (!('caches' in window)) return false
  return (
    (await caches.match(articleDataUrl(id), { ignoreVary: true })) !== undefined
  )
}

/**
 * While offline, the ids of `ids` that cannot be opened (neither read
 * nor saved on this device); an empty set while online. `isKnown` covers
 * articles the app already holds in memory.
 */
export function useUnavailableOffline(
  ids: readonly string[],
  isKnown: (id: string) => boolean,
): ReadonlySet<string> {
  const { online } = useOfflineState()
  const [found, setFound] = useState<{ key: string; ids: ReadonlySet<string> }>(
    () => ({ key: '', ids: NONE }),
  )
  const key = online ? '' : ids.join(' ')
  useEffect(() => {
    if (!key) return
    let current = true
    void Promise.all(
      key
        .split(' ')
        .map(async (id) =>
          isKnown(id) || (await isAvailableOffline(id)) ? null : id,
        ),
    ).then((missing) => {
      const ids = new Set(missing.filter((id) => id !== null))
      if (current) setFound({ key, ids })
    })
    return () => {
      current = false
    }
  }, [key, isKnown])
  return key && found.key === key ? found.ids : NONE
}

const NONE: ReadonlySet<string> = new Set()
