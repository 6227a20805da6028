import { CacheableResponsePlugin } from 'workbox-cacheable-response'
import { ExpirationPlugin } from 'workbox-expiration'
import { registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'
import { articlePagePattern } from '../config/paths.ts'
import { OFFLINE_BUDGETS, OFFLINE_CACHES } from '../lib/offline-caches.ts'
import { matchShelves } from './fallbacks.ts'

declare const self: ServiceWorkerGlobalScope

/**
 * Images of read articles, cross-origin and fetched with no-referrer, so
 * opaque (status 0): kept by count, least recently used out first.
 */
const readImages = new CacheFirst({
  cacheName: OFFLINE_CACHES.images,
  plugins: [
    new CacheableResponsePlugin({ statuses: [0, 200] }),
    new ExpirationPlugin({ maxEntries: OFFLINE_BUDGETS.images }),
  ],
})

async function isArticlePage(clientId: string): Promise<boolean> {
  if (!clientId) return false
  const client = await self.clients.get(clientId)
  return !!client && articlePagePattern.test(new URL(client.url).pathname)
}

/**
 * Article images (decision 023): a shelf's copy first (saved and newest
 * articles); on an article page the read-images cache (cache first, so
 * a re-read costs nothing); elsewhere (list thumbnails) the cached copy
 * if there is one, else the network, storing nothing.
 */
export function registerImageRoute(): void {
  registerRoute(
    ({ request, url }) =>
      request.destination === 'image' && !url.pathname.startsWith('/assets/'),
    async ({ event, request }) => {
      const shelved = await matchShelves(request)
      if (shelved) return shelved
      const fetchEvent = event as FetchEvent
      if (await isArticlePage(fetchEvent.clientId)) {
        return readImages.handle({ event: fetchEvent, request })
      }
      const read = await caches.match(request, {
        cacheName: OFFLINE_CACHES.images,
      })
      return read ?? fetch(request)
    },
  )
}
