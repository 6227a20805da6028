import { CacheExpiration } from 'workbox-expiration'
import { OFFLINE_CACHES } from '../lib/offline-caches.ts'
import { tellPages } from './network-state.ts'

async function entries(cacheName: string): Promise<number> {
  const cache = await caches.open(cacheName)
  return (await cache.keys()).length
}

/** Keeps the newest-used half of a cache (its LRU order is Workbox's). */
async function halve(cacheName: string): Promise<number> {
  const before = await entries(cacheName)
  if (before === 0) return 0
  await new CacheExpiration(cacheName, {
    maxEntries: Math.floor(before / 2),
  }).expireEntries()
  return before - (await entries(cacheName))
}

/**
 * Storage ran out: removes the least recently used half of what was only
 * read — images first (each opaque one costs most), then article texts —
 * never the shelves (saved, newest), and tells the pages what went.
 */
export async function evictReadContent(): Promise<{
  articles: number
  images: number
}> {
  const images = await halve(OFFLINE_CACHES.images)
  const articles = await halve(OFFLINE_CACHES.articles)
  if (images + articles > 0) {
    await tellPages({ type: 'zixun:evicted', articles, images })
  }
  return { articles, images }
}

/** True for the error `cache.put` throws when the origin's quota is full. */
export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError'
}

/** Runs `write`; on a quota error evicts read content and tries once more. */
export async function withRoomToWrite<T>(
  write: () => Promise<T>,
  onEvicted: (removed: number) => void = () => {},
): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (!isQuotaError(error)) throw error
    const { articles, images } = await evictReadContent()
    onEvicted(articles)
    if (articles + images === 0) throw error
    return write()
  }
}
