import { DATA_ROOT } from '@/config/paths'
import { readOfflineState, updateOfflineState } from './offline-state'

const FIRST_DELAY = 2_000
const MAX_DELAY = 30_000

let timer: ReturnType<typeof setTimeout> | undefined
let delay = FIRST_DELAY

/**
 * Asks the server directly whether it answers: a HEAD request, which the
 * service worker does not handle (its routes are GET) and the HTTP cache
 * does not answer (`no-store`).
 */
export async function probeServer(): Promise<boolean> {
  try {
    const response = await fetch(`${DATA_ROOT}manifest.json`, {
      method: 'HEAD',
      cache: 'no-store',
    })
    return response.ok
  } catch {
    return false
  }
}

async function probe() {
  timer = undefined
  const online = navigator.onLine && (await probeServer())
  updateOfflineState({ online })
  if (!online) scheduleProbe()
}

/**
 * While offline, probes again after 2 s, 4 s, … up to every 30 s (and at
 * once on the browser's `online` event), so the banner goes by itself
 * when the server answers again.
 */
export function scheduleProbe(now = false): void {
  if (readOfflineState().online && !now) return
  if (timer !== undefined) clearTimeout(timer)
  timer = setTimeout(() => void probe(), now ? 0 : delay)
  delay = now ? FIRST_DELAY : Math.min(delay * 2, MAX_DELAY)
}

/** Follows the browser's own online/offline events. */
export function watchBrowserNetwork(): void {
  if (!navigator.onLine) updateOfflineState({ online: false })
  window.addEventListener('offline', () => {
    updateOfflineState({ online: false })
    scheduleProbe()
  })
  window.addEventListener('online', () => scheduleProbe(true))
}
