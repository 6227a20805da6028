/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core'
import type { PrecacheEntry } from 'workbox-precaching'
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching'
import { appShellUrl, parsePageMessage } from '../lib/offline-caches.ts'
import { registerDataRoutes } from './data-routes.ts'
import { registerImageRoute } from './image-route.ts'
import { registerNavigationRoutes } from './navigation-routes.ts'
import { keepPreviousAssets } from './previous-assets.ts'
import { keepOnShelf, releaseFromShelf } from './shelves.ts'

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<PrecacheEntry | string>
}

// The shell and the route chunks: what the app needs to start, no data.
const manifest = self.__WB_MANIFEST
const shellUrl = appShellUrl(
  manifest.map((entry) => (typeof entry === 'string' ? entry : entry.url)),
)
precacheAndRoute(manifest)
cleanupOutdatedCaches()
keepPreviousAssets(manifest)
registerNavigationRoutes(shellUrl)
registerDataRoutes()
registerImageRoute()

// The first install takes over the open pages, so what they read next is
// cached. An update waits until the reader chooses to reload (the page
// sends SKIP_WAITING); until then every tab keeps the version it runs.
clientsClaim()

self.addEventListener('message', (event) => {
  const message = parsePageMessage(event.data)
  const reply = event.ports[0]
  if (message?.type === 'SKIP_WAITING') {
    void self.skipWaiting()
  } else if (message?.type === 'zixun:keep') {
    event.waitUntil(
      keepOnShelf(message.shelf, message.items, message.replace).then(
        (result) => reply?.postMessage(result),
      ),
    )
  } else if (message?.type === 'zixun:release') {
    event.waitUntil(
      releaseFromShelf(message.shelf, message.ids).then((result) =>
        reply?.postMessage(result),
      ),
    )
  }
})
