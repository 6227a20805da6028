import type { WorkboxPlugin } from 'workbox-core/types.js'
import { matchPrecache } from 'workbox-precaching'
import { shelfCacheName } from '../lib/offline-caches.ts'
import type { ShelfName } from '../lib/offline-caches.ts'

const SHELVES: readonly ShelfName[] = ['saved', 'newest']

/** The copy of `request` an article shelf holds (saved, newest), if any. */
export async function matchShelves(
  request: Request | string,
): Promise<Response | undefined> {
  for (const shelf of SHELVES) {
    const found = await caches.match(request, {
      cacheName: shelfCacheName(shelf),
      ignoreVary: true,
    })
    if (found) return found
  }
  return undefined
}

/** When the network and the route's own cache fail: a shelf's copy. */
export const shelfFallback: WorkboxPlugin = {
  handlerDidError: async ({ request }) => matchShelves(request),
}

/** When a page cannot be fetched: the precached app shell renders it. */
export function shellFallback(shellUrl: string): WorkboxPlugin {
  return { handlerDidError: async () => matchPrecache(shellUrl) }
}
