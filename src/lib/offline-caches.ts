import { DATA_ROOT } from '../config/paths.ts'
import { SHELL_FILE, SHELL_PATH } from '../config/shell.ts'
import { dataPaths, isArticleId } from './article-schema.ts'

/**
 * What the service worker (`src/service-worker/`) and the pages agree on:
 * the names of its caches, their budgets, and the messages between them
 * (decision 023). Plain data: no DOM or worker APIs.
 */

/** The built `index.html`: the data-free shell while no page is prerendered into it. */
export const INDEX_HTML = 'index.html'

/**
 * The data-free app shell every reader route is answered with (precached;
 * a URL of the site), chosen from the files the build precaches: the
 * separate shell file (`SHELL_FILE`, issue 14) once the build writes one
 * because `index.html` became the prerendered home page, else
 * `index.html`, which is the shell as long as nothing is prerendered into
 * it. `precached` are the precache's URLs, relative or root-relative.
 */
export function appShellUrl(precached: readonly string[]): string {
  const names = precached.map((url) => url.replace(/^\//, '').split('?')[0])
  return names.includes(SHELL_FILE) ? SHELL_PATH : `/${INDEX_HTML}`
}

/**
 * The data files that keep their name when their content changes (the
 * entry points: the manifest and the search index's `index.json`), which
 * the worker takes network first. Every other file under `pages/`,
 * `categories/` and `search/` carries a content hash (cache first).
 */
export const REVALIDATED_DATA: readonly string[] = [
  `${DATA_ROOT}manifest.json`,
  `${DATA_ROOT}search/index.json`,
]

/** True for a content-hashed list or search file (never a revalidated one). */
export function isHashedData(pathname: string): boolean {
  return (
    !REVALIDATED_DATA.includes(pathname) &&
    new RegExp(`^${DATA_ROOT}(pages|categories|search)/`).test(pathname)
  )
}

/** Runtime caches; the precache is Workbox's own. */
export const OFFLINE_CACHES = {
  /** `REVALIDATED_DATA` (manifest, search index entry): network first, this copy offline. */
  manifest: 'zixun-manifest',
  /** Content-hashed list and search pages: cache first, LRU. */
  lists: 'zixun-lists',
  /** `data/articles/<id>.json` the reader opened: network first, LRU. */
  articles: 'zixun-articles',
  /** Images of articles the reader opened: cache first, LRU by count. */
  images: 'zixun-images',
  /** Hashed assets of the previous deployment, for tabs still running it. */
  previousAssets: 'zixun-previous-assets',
} as const

/** Shelves: articles kept for offline on purpose, each its own cache. */
export type ShelfName = 'saved' | 'newest'

/** The cache of a shelf: article JSON, its images and its index entries. */
export function shelfCacheName(shelf: ShelfName): string {
  return `zixun-shelf-${shelf}`
}

/**
 * Budgets by count: Chromium counts every opaque (cross-origin, no-cors)
 * image as several MB of quota whatever its size, so bytes cannot be known.
 */
export const OFFLINE_BUDGETS = {
  /** Read articles kept (LRU); saved and newest ones do not count. */
  articles: 200,
  /** Images of read articles (LRU). */
  images: 150,
  /** List and search pages (LRU; each a few kB). */
  lists: 400,
  /** Images kept per article on a shelf (the first ones in its body). */
  imagesPerShelvedArticle: 20,
  /** The most "keep the newest N" may ask for. */
  newestMax: 200,
} as const

/** One article to keep offline: its id and the images its body shows. */
export type ShelfItem = { id: string; images: readonly string[] }

/** Messages a page sends the service worker (replies through a port). */
export type PageToWorker =
  | { type: 'SKIP_WAITING' }
  /** Adds articles to a shelf (`replace`: the shelf holds exactly these). */
  | {
      type: 'zixun:keep'
      shelf: ShelfName
      items: readonly ShelfItem[]
      replace?: boolean
    }
  | { type: 'zixun:release'; shelf: ShelfName; ids: readonly string[] }

/** The reply to `zixun:keep` and `zixun:release`. */
export type ShelfReply = {
  /** Articles now on the shelf. */
  kept: number
  /** Articles that could not be stored (network or storage). */
  failed: number
  /** Read (never saved) articles removed to make room. */
  evicted: number
}

/** Messages the service worker sends every page it controls. */
export type WorkerToPage =
  /** Whether its last request to the server got an answer. */
  | { type: 'zixun:network'; online: boolean }
  /** Storage ran out: it removed read content to make room. */
  | { type: 'zixun:evicted'; articles: number; images: number }

/** True for a message of ours from the service worker. */
export function isWorkerMessage(data: unknown): data is WorkerToPage {
  if (typeof data !== 'object' || data === null) return false
  const type = (data as { type?: unknown }).type
  return type === 'zixun:network' || type === 'zixun:evicted'
}

/** The URL of an article's JSON, as the app requests it. */
export function articleDataUrl(id: string): string {
  return DATA_ROOT + dataPaths.article(id)
}

const SHELF_NAMES: readonly string[] = ['saved', 'newest']

function isImageUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false
  try {
    return /^https?:$/.test(new URL(value).protocol)
  } catch {
    return false
  }
}

function parseItem(value: unknown): ShelfItem | undefined {
  const item = value as { id?: unknown; images?: unknown } | null
  if (typeof item?.id !== 'string' || !isArticleId(item.id)) return undefined
  const images = Array.isArray(item.images) ? item.images : []
  return { id: item.id, images: images.filter(isImageUrl) }
}

/**
 * A page's message as the service worker may act on it, or undefined:
 * shelves by name, article ids by the contract's pattern, images only
 * as absolute http(s) URLs (what an `<img>` of the page could load).
 */
export function parsePageMessage(data: unknown): PageToWorker | undefined {
  const message = data as Record<string, unknown> | null
  if (typeof message !== 'object' || message === null) return undefined
  if (message.type === 'SKIP_WAITING') return { type: 'SKIP_WAITING' }
  const shelf = message.shelf
  if (typeof shelf !== 'string' || !SHELF_NAMES.includes(shelf)) {
    return undefined
  }
  const name = shelf as ShelfName
  if (message.type === 'zixun:keep' && Array.isArray(message.items)) {
    const items = message.items.map(parseItem)
    if (items.some((item) => !item)) return undefined
    return {
      type: 'zixun:keep',
      shelf: name,
      items: items as ShelfItem[],
      replace: message.replace === true,
    }
  }
  if (message.type === 'zixun:release' && Array.isArray(message.ids)) {
    const ids = message.ids.filter(
      (id): id is string => typeof id === 'string' && isArticleId(id),
    )
    if (ids.length !== message.ids.length) return undefined
    return { type: 'zixun:release', shelf: name, ids }
  }
  return undefined
}
