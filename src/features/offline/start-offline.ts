import { isWorkerMessage } from '@/lib/offline-caches'
import { scheduleProbe, watchBrowserNetwork } from './network-probe'
import { updateOfflineState } from './offline-state'

function onWorkerMessage(event: MessageEvent) {
  const message: unknown = event.data
  if (!isWorkerMessage(message)) return
  if (message.type === 'zixun:network') {
    updateOfflineState({ online: message.online })
    if (!message.online) scheduleProbe()
  } else {
    updateOfflineState({
      evicted: { articles: message.articles, images: message.images },
    })
  }
}

/**
 * Starts the offline side of the app (decision 023): listens to the
 * service worker from the first moment (what it learns about the network
 * while the page starts is not lost), then, once the page has loaded,
 * loads the code that registers it. Only in production builds, where
 * `sw.js` exists, and only where browsers support service workers.
 */
export function startOffline(): void {
  watchBrowserNetwork()
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  navigator.serviceWorker.addEventListener('message', onWorkerMessage)
  const register = () =>
    void import('./service-worker-client').then((client) => client.register())
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
