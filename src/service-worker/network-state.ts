import type { WorkboxPlugin } from 'workbox-core/types.js'
import type { WorkerToPage } from '../lib/offline-caches.ts'

declare const self: ServiceWorkerGlobalScope

let lastOnline: boolean | undefined

/** Sends a message to every page of ours, controlled or not yet. */
export async function tellPages(message: WorkerToPage): Promise<void> {
  const pages = await self.clients.matchAll({
    type: 'window',
    includeUncontrolled: true,
  })
  for (const page of pages) page.postMessage(message)
}

function report(online: boolean) {
  if (online === lastOnline) return
  lastOnline = online
  void tellPages({ type: 'zixun:network', online })
}

/**
 * Tells the pages whether the server answers, from the requests this
 * worker makes anyway: the browser's `navigator.onLine` stays true when
 * the network is up but the server is not (a train's Wi-Fi, a stopped
 * host). A page that starts while the worker already knew asks by probing.
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
