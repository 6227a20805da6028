import { DATA_ROOT } from '@/config/paths'
import { articleImageUrls } from '@/lib/article-images'
import {
  dataPaths,
  parseArticle,
  parseListPage,
  parseManifest,
} from '@/lib/article-schema'
import { fetchJson } from '@/lib/data-client'
import {
  articleDataUrl,
  OFFLINE_BUDGETS,
  type ShelfItem,
  type ShelfReply,
} from '@/lib/offline-caches'
import { updateOfflineState } from './offline-state'
import { keepOnShelf, releaseFromShelf } from './service-worker-client'

/**
 * What the worker must store for one article: its id and the images its
 * body shows (as the sanitiser leaves them) and its thumbnail, at most
 * `imagesPerShelvedArticle`. The article's JSON comes through the worker's
 * own route, so it is cached as a read article on the way.
 */
export async function shelfItem(id: string): Promise<ShelfItem> {
  const article = await fetchJson(articleDataUrl(id), parseArticle)
  const images = articleImageUrls(article.content_html)
  if (article.image)
    images.unshift(new URL(article.image, document.baseURI).href)
  return {
    id,
    images: [...new Set(images)].slice(
      0,
      OFFLINE_BUDGETS.imagesPerShelvedArticle,
    ),
  }
}

/** Items for `ids`, leaving out those that cannot be fetched now. */
async function shelfItems(ids: readonly string[]): Promise<ShelfItem[]> {
  const items = await Promise.all(
    ids.map((id) => shelfItem(id).catch(() => undefined)),
  )
  return items.filter((item) => item !== undefined)
}

/**
 * The worker's reply with the articles that never reached it counted as
 * failed; failures are told. No reply means no worker runs here (a
 * browser without one, or blocked): nothing is kept, and nothing is
 * told either — the reader was promised no offline copy, and the worker
 * adds the saved articles when it starts (`reconcileSavedOffline`).
 */
export function report(
  reply: ShelfReply | undefined,
  wanted: number,
  sent: number,
): ShelfReply {
  if (!reply) return { kept: 0, failed: 0, evicted: 0 }
  const result = { ...reply, failed: reply.failed + wanted - sent }
  if (result.failed > 0) updateOfflineState({ keepFailed: result.failed })
  return result
}

/**
 * Asks the browser once to keep this site's storage (saved articles must
 * not be evicted under storage pressure). Resolves to whether it is.
 */
export async function askForPersistentStorage(): Promise<boolean> {
  const storage = navigator.storage as StorageManager | undefined
  if (!storage?.persist) return false
  if (await storage.persisted()) return true
  return storage.persist().catch(() => false)
}

/** Saving: stores the articles' JSON and images for offline reading. */
export async function keepSavedOffline(
  ids: readonly string[],
): Promise<ShelfReply> {
  const items = await shelfItems(ids)
  const reply = await keepOnShelf('saved', items)
  return report(reply, ids.length, items.length)
}

/**
 * The `saved` shelf holds exactly `ids` (every saved article): others go,
 * missing ones get their JSON (the worker skips those it has; images come
 * when the article is saved again or opened). Costs no request for an
 * article already kept.
 */
export async function reconcileSavedOffline(
  ids: readonly string[],
): Promise<void> {
  await keepOnShelf(
    'saved',
    ids.map((id) => ({ id, images: [] })),
    true,
  )
}

/** Unsaving: frees what only these articles used. */
export async function releaseSavedOffline(
  ids: readonly string[],
): Promise<void> {
  await releaseFromShelf('saved', ids)
}

/**
 * "Keep the newest N for offline": the newest `count` articles of the
 * whole site (the `all` list) become the `newest` shelf, replacing what it
 * held; 0 empties it. Returns how many are kept.
 */
export async function keepNewestOffline(count: number): Promise<ShelfReply> {
  const wanted = Math.min(Math.max(0, count), OFFLINE_BUDGETS.newestMax)
  if (wanted === 0) {
    return (await keepOnShelf('newest', [], true)) ?? EMPTY
  }
  const manifest = await fetchJson(
    DATA_ROOT + dataPaths.manifest,
    parseManifest,
  )
  const ids: string[] = []
  for (
    let page = 1;
    page <= manifest.all.pages && ids.length < wanted;
    page++
  ) {
    const list = await fetchJson(
      DATA_ROOT + dataPaths.page(manifest.all, page),
      parseListPage,
    )
    ids.push(...list.items.map((item) => item.id))
  }
  const chosen = ids.slice(0, wanted)
  const items = await shelfItems(chosen)
  const reply = await keepOnShelf('newest', items, true)
  return report(reply, chosen.length, items.length)
}

const EMPTY: ShelfReply = { kept: 0, failed: 0, evicted: 0 }
