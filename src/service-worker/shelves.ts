import {
  articleDataUrl,
  OFFLINE_BUDGETS,
  OFFLINE_CACHES,
  shelfCacheName,
} from '../lib/offline-caches.ts'
import type { ShelfItem, ShelfName, ShelfReply } from '../lib/offline-caches.ts'
import { withRoomToWrite } from './storage-pressure.ts'

/** Where a shelf notes what it stored for an article (never fetched). */
const INDEX = '/__zixun/shelf/'

type IndexEntry = { images: string[] }

function indexKey(id: string): string {
  return `${INDEX}${encodeURIComponent(id)}`
}

async function readIndex(cache: Cache): Promise<Map<string, IndexEntry>> {
  const entries = new Map<string, IndexEntry>()
  for (const request of await cache.keys()) {
    const { pathname } = new URL(request.url)
    if (!pathname.startsWith(INDEX)) continue
    const response = await cache.match(request)
    const id = decodeURIComponent(pathname.slice(INDEX.length))
    entries.set(id, ((await response?.json()) as IndexEntry) ?? { images: [] })
  }
  return entries
}

/** The JSON the reader already has (read cache), else the network's. */
async function articleResponse(id: string): Promise<Response | undefined> {
  const url = articleDataUrl(id)
  const read = await caches.match(url, { cacheName: OFFLINE_CACHES.articles })
  if (read) return read
  const response = await fetch(url, { headers: { accept: 'application/json' } })
  return response.ok ? response : undefined
}

/** An image as the page requests it: no Referer, no cookies, opaque. */
async function imageResponse(url: string): Promise<Response | undefined> {
  const read = await caches.match(url, { cacheName: OFFLINE_CACHES.images })
  if (read) return read
  try {
    const response = await fetch(url, {
      mode: 'no-cors',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    })
    return response.ok || response.type === 'opaque' ? response : undefined
  } catch {
    return undefined
  }
}

async function store(
  cache: Cache,
  item: ShelfItem,
  onEvicted: (removed: number) => void,
): Promise<IndexEntry | undefined> {
  const json = await articleResponse(item.id).catch(() => undefined)
  if (!json) return undefined
  const put = (key: string, response: Response) =>
    withRoomToWrite(() => cache.put(key, response.clone()), onEvicted)
  await put(articleDataUrl(item.id), json)
  const images: string[] = []
  for (const url of item.images.slice(
    0,
    OFFLINE_BUDGETS.imagesPerShelvedArticle,
  )) {
    const response = await imageResponse(url)
    if (!response) continue
    await put(url, response)
    images.push(url)
  }
  const entry: IndexEntry = { images }
  await put(indexKey(item.id), new Response(JSON.stringify(entry)))
  return entry
}

async function remove(
  cache: Cache,
  id: string,
  index: Map<string, IndexEntry>,
): Promise<void> {
  const entry = index.get(id)
  index.delete(id)
  const stillUsed = new Set([...index.values()].flatMap((e) => e.images))
  await cache.delete(articleDataUrl(id))
  for (const url of entry?.images ?? []) {
    if (!stillUsed.has(url)) await cache.delete(url)
  }
  await cache.delete(indexKey(id))
}

/**
 * Puts articles (their JSON and first images) on a shelf; with `replace`,
 * the shelf then holds exactly these (those already there are not fetched
 * again). Storage that runs out evicts read content, never a shelf.
 */
export async function keepOnShelf(
  shelf: ShelfName,
  items: readonly ShelfItem[],
  replace = false,
): Promise<ShelfReply> {
  const cache = await caches.open(shelfCacheName(shelf))
  const index = await readIndex(cache)
  if (replace) {
    const wanted = new Set(items.map((item) => item.id))
    for (const id of [...index.keys()]) {
      if (!wanted.has(id)) await remove(cache, id, index)
    }
  }
  let failed = 0
  let evicted = 0
  for (const item of items) {
    if (replace && index.has(item.id)) continue
    const stored = await store(cache, item, (n) => (evicted += n)).catch(
      () => undefined,
    )
    if (stored) index.set(item.id, stored)
    else failed += 1
  }
  return { kept: index.size, failed, evicted }
}

/** Takes articles off a shelf and frees what only they used. */
export async function releaseFromShelf(
  shelf: ShelfName,
  ids: readonly string[],
): Promise<ShelfReply> {
  const cache = await caches.open(shelfCacheName(shelf))
  const index = await readIndex(cache)
  for (const id of ids) await remove(cache, id, index)
  return { kept: index.size, failed: 0, evicted: 0 }
}
