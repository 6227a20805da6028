import { cacheNames } from 'workbox-core'
import type { PrecacheEntry } from 'workbox-precaching'
import { registerRoute } from 'workbox-routing'
import { OFFLINE_CACHES } from '../lib/offline-caches.ts'

declare const self: ServiceWorkerGlobalScope

const ASSETS = '/assets/'

/**
 * A tab opened before an update keeps running the old code, and loads
 * its route chunks later. Activating this version removes them from the
 * precache and a deployment may have removed them from the server, so
 * while this version installs (the old entries are still there) it copies
 * the old hashed assets aside, replacing the copy of the version before.
 */
export function keepPreviousAssets(
  manifest: ReadonlyArray<PrecacheEntry | string>,
): void {
  const current = new Set(
    manifest.map(
      (entry) =>
        new URL(
          typeof entry === 'string' ? entry : entry.url,
          self.location.href,
        ).pathname,
    ),
  )
  self.addEventListener('install', (event) => {
    event.waitUntil(copyOldAssets(current))
  })
  registerRoute(
    ({ url }) =>
      url.origin === self.location.origin && url.pathname.startsWith(ASSETS),
    async ({ request }) =>
      (await caches.match(request, {
        cacheName: OFFLINE_CACHES.previousAssets,
      })) ?? fetch(request),
  )
}

async function copyOldAssets(current: ReadonlySet<string>): Promise<void> {
  const precache = await caches.open(cacheNames.precache)
  const old = (await precache.keys()).filter((request) => {
    const { pathname } = new URL(request.url)
    return pathname.startsWith(ASSETS) && !current.has(pathname)
  })
  if (old.length === 0) return
  await caches.delete(OFFLINE_CACHES.previousAssets)
  const aside = await caches.open(OFFLINE_CACHES.previousAssets)
  for (const request of old) {
    const response = await precache.match(request)
    if (response) await aside.put(new URL(request.url).pathname, response)
  }
}
