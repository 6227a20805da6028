/**
 * Responses the service worker stored, read by the page itself (decision
 * 022): a file the worker keeps is taken from its cache without waking
 * the worker, whose router, expiry bookkeeping and message hop cost
 * 5–40 ms a file. Used where that matters: each of a search's dependent
 * files. Only while a worker controls the page, so the caches are the
 * ones it fills; a miss (or any error) is `undefined`, and the caller
 * fetches through the worker as usual, which stores what it gets.
 */

const opened = new Map<string, Promise<Cache | undefined>>()

function open(name: string): Promise<Cache | undefined> {
  let cache = opened.get(name)
  if (!cache) {
    cache = caches.open(name).catch(() => undefined)
    opened.set(name, cache)
  }
  return cache
}

/** The stored response for `url`: from cache `cacheName`, or from any of the worker's caches. */
export async function storedResponse(
  url: string,
  cacheName?: string,
): Promise<Response | undefined> {
  if (typeof caches === 'undefined' || !navigator.serviceWorker?.controller)
    return undefined
  try {
    const absolute = new URL(url, location.href).href
    if (cacheName === undefined) return await caches.match(absolute)
    return await (await open(cacheName))?.match(absolute)
  } catch {
    return undefined
  }
}
