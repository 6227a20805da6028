import type { WorkboxPlugin } from 'workbox-core/types.js'
import type { WorkerToPage } from '../lib/offline-caches.ts'

declare const self: ServiceWorkerGlobalScope

/** Sends a message to every page of ours, controlled or not yet. */
export async function tellPages(message: WorkerToPage): Promise<void> {
  const pages = await self.clients.matchAll({
    type: 'window',
    includeUncontrolled: true,
  })
  for (const page of pages) page.postMessage(message)
}

// Every time, not only on a change: a page that started since the last
// change has not heard it (pages ignore what they already know).
function report(online: boolean) {
  void tellPages({ type: 'zixun:network', online })
}

/**
 * Tells the pages whether the server answers, from the requests this
 * worker makes anyway: the browser's `navigator.onLine` stays true when
 * the network is up but the server is not (a train's Wi-Fi, a stopped
 * host).
 */
export const networkStatePlugin: WorkboxPlugin = {
  fetchDidSucceed: async ({ response }) => {
    report(true)
    return response
  },
  fetchDidFail: async () => {
    report(false)
  },
}
