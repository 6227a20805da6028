import { CacheableResponsePlugin } from 'workbox-cacheable-response'
import { ExpirationPlugin } from 'workbox-expiration'
import { registerRoute } from 'workbox-routing'
import { CacheFirst, NetworkFirst } from 'workbox-strategies'
import { DATA_ROOT } from '../config/paths.ts'
import {
  isHashedData,
  OFFLINE_BUDGETS,
  OFFLINE_CACHES,
  REVALIDATED_DATA,
} from '../lib/offline-caches.ts'
import { shelfFallback } from './fallbacks.ts'
import { networkStatePlugin } from './network-state.ts'

const okOnly = new CacheableResponsePlugin({ statuses: [200] })

const ARTICLE = new RegExp(`^${DATA_ROOT}articles/[A-Za-z0-9_-]{1,96}\\.json$`)

/**
 * The data (decision 023): the manifest and the search index's entry
 * network first with their last copy offline; hashed list and search pages cache first (immutable), LRU;
 * article JSON network first, cached once opened (LRU), and from a shelf
 * (saved, newest) when both fail.
 */
export function registerDataRoutes(): void {
  const sameOrigin = (url: URL) => url.origin === self.location.origin
  registerRoute(
    ({ url }) => sameOrigin(url) && REVALIDATED_DATA.includes(url.pathname),
    new NetworkFirst({
      cacheName: OFFLINE_CACHES.manifest,
      networkTimeoutSeconds: 5,
      plugins: [networkStatePlugin, okOnly],
    }),
  )
  registerRoute(
    ({ url }) => sameOrigin(url) && isHashedData(url.pathname),
    new CacheFirst({
      cacheName: OFFLINE_CACHES.lists,
      plugins: [
        networkStatePlugin,
        okOnly,
        new ExpirationPlugin({ maxEntries: OFFLINE_BUDGETS.lists }),
      ],
    }),
  )
  registerRoute(
    ({ url }) => sameOrigin(url) && ARTICLE.test(url.pathname),
    new NetworkFirst({
      cacheName: OFFLINE_CACHES.articles,
      networkTimeoutSeconds: 5,
      plugins: [
        networkStatePlugin,
        okOnly,
        new ExpirationPlugin({ maxEntries: OFFLINE_BUDGETS.articles }),
        shelfFallback,
      ],
    }),
  )
}
