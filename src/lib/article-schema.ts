/**
 * The data contract (version 1) shared by the ingest CLI and the reader.
 * See docs/data-contract.md for the file layout; this module holds the
 * types, the path helpers both sides use, and light runtime checks for
 * data read over the network.
 *
 * This file must stay free of DOM and Node APIs: both tsconfigs include it.
 */

export const CONTRACT_VERSION = 1
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

/** A category path from the root, e.g. ['编程', '开源中国', '资讯']. */
export type CategoryPath = string[]

export type Author = { name: string }

export type ImageSize = { width: number; height: number }

/**
 * Copies of a remote image the ingest made (`--images`): resized to the
 * widths the reader shows it at, in modern formats and in the original
 * one, content-hashed under `/data/images/`. The remote URL stays in
 * `image` for everything else (feeds, previews).
 */
export type ImageSet = {
  /** The fallback: the widest copy in the original format. */
  src: string
  /** The original-format copies: `/data/images/ab.jpg 160w, …`. */
  srcset: string
  /** The same widths in better formats, best first (`image/avif`, `image/webp`). */
  sources: Array<{ type: string; srcset: string }>
  /** The largest copy's size (the image's aspect ratio). */
  width: number
  height: number
}

/** One list entry: everything a card needs, nothing more. */
export type ArticleSummary = {
  id: string
  /** The reader's own link, `/a/<id>`. */
  url: string
  /** The original article, when known. */
  external_url?: string
  title: string
  /** Plain text, about 160 characters. */
  summary: string
  /** A real thumbnail (never a random stock placeholder). */
  image?: string
  /** RFC 3339. */
  date_published: string
  authors: Author[]
  /** Flat category names (every segment of every path, de-duplicated). */
  tags: string[]
  _zixun: {
    categories: CategoryPath[]
    reading_minutes: number
    image_size?: ImageSize
    /** Local copies of `image`, when the ingest mirrored it. */
    image_set?: ImageSet
    /** Name of the feed or site the article came from, when known. */
    source?: string
  }
}

/** `articles/<id>.json`: a summary plus the untrusted body HTML. */
export type Article = ArticleSummary & { content_html: string }

/** A list page: a JSON Feed 1.1 document. `next_url` is relative to it. */
export type ListPage = {
  version: typeof JSON_FEED_VERSION
  title: string
  next_url?: string
  items: ArticleSummary[]
  _zixun: { list: string; page: number; pages: number; count: number }
}

/**
 * Where one list's pages live. Page `n` (1-based) is `${base}${n}.json`,
 * relative to the data root. `base` carries a hash of the list's content,
 * so page files can be cached forever; only manifest.json is revalidated.
 */
export type ListRef = {
  key: string
  count: number
  pages: number
  base: string
}

export type CategoryNode = ListRef & {
  name: string
  path: CategoryPath
  children: CategoryNode[]
}

export type Manifest = {
  version: typeof CONTRACT_VERSION
  /** RFC 3339; the newest article's date, so output stays deterministic. */
  generated: string
  title: string
  total: number
  page_size: number
  all: ListRef
  categories: CategoryNode[]
}

/**
 * `written`: an article; `merged`: a duplicate of another input's article;
 * `rejected`: a post or feed that could not be used (see `reason`);
 * `skipped`: a file that is no post or feed (an image, a note).
 */
export type ReportStatus = 'written' | 'merged' | 'rejected' | 'skipped'

export type ReportEntry = {
  /**
   * The input, relative to its input root (prefixed with the root's folder
   * name when the run has several); `#n` marks a feed's n-th item.
   */
  file: string
  status: ReportStatus
  id?: string
  /** For `merged`: the file whose article this one was merged into. */
  merged_into?: string
  line?: number
  reason?: string
}

/**
 * What this run did with a subscribed feed: `fetched` (new content read),
 * `not_modified` (304, or the same bytes again), `failed` (with a reason),
 * `skipped` (the server asked to wait, and the time has not come).
 */
export type FeedStatus = 'fetched' | 'not_modified' | 'failed' | 'skipped'

/** One subscribed feed's health. URLs never carry credentials or tokens. */
export type FeedHealth = {
  /** The feed as listed, credentials and secret query values replaced by `***`. */
  feed: string
  title?: string
  status: FeedStatus
  http_status?: number
  reason?: string
  new_items: number
  updated_items: number
  /** Items in the history after this run. */
  stored_items: number
  consecutive_failures: number
  /** RFC 3339. */
  last_success?: string
  /** A permanent redirect: the list should say this instead (`--export-opml` does). */
  moved_to?: string
  /** The feed found by autodiscovery on the page the list names. */
  discovered?: string
  /** RFC 3339: not asked again before (Retry-After). */
  retry_after?: string
  notices?: string[]
  full_text?: { fetched: number; failed: number }
}

/** One remote image the articles of this run use, with `--images`. */
export type ImageEntry = {
  /** The remote URL (credentials and tokens replaced by `***`). */
  url: string
  status: 'mirrored' | 'kept_remote'
  /** For `kept_remote`: why (404, too large, SVG…); the remote URL is used. */
  reason?: string
  /** Bytes of the remote image. */
  original_bytes?: number
  /** Bytes a card (or body) loads instead: the best format at twice the card's width. */
  mirrored_bytes?: number
}

export type ImageReport = {
  mode: 'thumbnails' | 'all'
  mirrored: number
  kept_remote: number
  /** Bytes saved per mirrored image, summed: original minus what is loaded instead. */
  bytes_saved: number
  images: ImageEntry[]
}

export type IngestReport = {
  version: typeof CONTRACT_VERSION
  counts: Record<ReportStatus, number>
  files: ReportEntry[]
  /** With `--subscriptions`: every listed feed, in list order. */
  subscriptions?: FeedHealth[]
  /** With `--images`: every image the articles use. */
  images?: ImageReport
}

// The search index's part of the contract: ./search/search-schema.ts.

// --- paths, relative to the data root (public/data, served at /data/) ---

export const dataPaths = {
  manifest: 'manifest.json',
  report: 'ingest-report.json',
  article: (id: string) => `articles/${id}.json`,
  page: (list: Pick<ListRef, 'base'>, page: number) =>
    `${list.base}${page}.json`,
} as const

/** Ids are URL- and file-name-safe: letters, digits, `-` and `_`. */
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9_-]{1,96}$/

export function isArticleId(value: string): boolean {
  return ARTICLE_ID_PATTERN.test(value)
}

/** The reader's link for an article, as written into `url`. */
export function articleUrl(id: string): string {
  return `/a/${id}`
}

// --- runtime checks for data fetched over the network ---

export class ContractError extends Error {
  override name = 'ContractError'
}

function fail(what: string): never {
  throw new ContractError(`Invalid data: ${what}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkSummaryFields(value: unknown, where: string): void {
  if (!isRecord(value)) fail(`${where} is not an object`)
  for (const key of ['id', 'url', 'title', 'summary', 'date_published']) {
    if (typeof value[key] !== 'string') fail(`${where}.${key} is not a string`)
  }
  if (!Array.isArray(value.authors)) fail(`${where}.authors is not a list`)
  if (!Array.isArray(value.tags)) fail(`${where}.tags is not a list`)
  const ext = value._zixun
  if (!isRecord(ext) || !Array.isArray(ext.categories)) {
    fail(`${where}._zixun.categories is missing`)
  }
}

export function parseManifest(value: unknown): Manifest {
  if (!isRecord(value)) fail('manifest is not an object')
  if (value.version !== CONTRACT_VERSION) {
    fail(`manifest version ${String(value.version)} is not ${CONTRACT_VERSION}`)
  }
  if (!isRecord(value.all) || typeof value.all.base !== 'string') {
    fail('manifest.all is missing')
  }
  if (!Array.isArray(value.categories)) fail('manifest.categories is missing')
  return value as Manifest
}

export function parseListPage(value: unknown): ListPage {
  if (!isRecord(value) || !Array.isArray(value.items)) {
    fail('list page has no items')
  }
  value.items.forEach((item, i) => checkSummaryFields(item, `items[${i}]`))
  return value as ListPage
}

export function parseArticle(value: unknown): Article {
  checkSummaryFields(value, 'article')
  if (typeof (value as Record<string, unknown>).content_html !== 'string') {
    fail('article.content_html is not a string')
  }
  return value as Article
}
