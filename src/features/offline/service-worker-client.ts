import { Workbox } from 'workbox-window'
import type {
  PageToWorker,
  ShelfItem,
  ShelfName,
  ShelfReply,
} from '@/lib/offline-caches'
import { trustedServiceWorkerUrl } from '@/lib/service-worker-url'
import { setUpdateHandler, updateOfflineState } from './offline-state'
import { warmCachesThroughWorker } from './warm-caches'

/** How often an open tab asks whether a new version was deployed. */
const UPDATE_CHECK_MS = 30 * 60 * 1000

let workbox: Workbox | undefined
let registering: Promise<void> | undefined
let reloadRequested = false

/**
 * Registers `/sw.js` (scope `/`) through the Trusted Types policy that
 * allows exactly that URL, and follows its updates: a new version that
 * is installed and waiting sets `updateReady`; it takes over only when
 * the reader asks (`applyUpdate`), never by itself. The browser checks for
 * updates on every page load; an open tab also checks when it becomes
 * visible again and every 30 minutes.
 */
export function register(): Promise<void> {
  registering ??= registerOnce()
  return registering
}

async function registerOnce(): Promise<void> {
  workbox = new Workbox(trustedServiceWorkerUrl(), { scope: '/' })
  const wb = workbox
  setUpdateHandler(applyUpdate)
  wb.addEventListener('waiting', () =>
    updateOfflineState({ updateReady: true }),
  )
  wb.addEventListener('controlling', (event) => {
    if (!event.isUpdate) void warmCachesThroughWorker()
    else if (reloadRequested) window.location.reload()
  })
  try {
    await wb.register()
  } catch {
    // No worker (blocked, private mode, an old browser): the app works
    // online as before, without offline copies or update notices.
    workbox = undefined
    return
  }
  const check = () => void wb.update().catch(() => {})
  setInterval(check, UPDATE_CHECK_MS)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check()
  })
}

/** Lets the waiting version take over, then reloads this tab into it. */
function applyUpdate(): void {
  if (!workbox) return window.location.reload()
  reloadRequested = true
  workbox.messageSkipWaiting()
}

/** Sends `message` to the worker (registering it first); no worker, no reply. */
async function send(message: PageToWorker): Promise<ShelfReply | undefined> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return undefined
  // As startOffline does: the worker never competes with the first load.
  if (document.readyState !== 'complete') {
    await new Promise((resolve) =>
      window.addEventListener('load', resolve, { once: true }),
    )
  }
  await register()
  if (!workbox) return undefined
  return (await workbox.messageSW(message)) as ShelfReply
}

/** Stores articles (JSON and images) on a shelf for offline reading. */
export function keepOnShelf(
  shelf: ShelfName,
  items: readonly ShelfItem[],
  replace = false,
): Promise<ShelfReply | undefined> {
  return send({ type: 'zixun:keep', shelf, items, replace })
}

/** Removes articles from a shelf, freeing their storage. */
export function releaseFromShelf(
  shelf: ShelfName,
  ids: readonly string[],
): Promise<ShelfReply | undefined> {
  return send({ type: 'zixun:release', shelf, ids })
}
