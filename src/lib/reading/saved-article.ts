import {
  articleUrl,
  isArticleId,
  type ArticleSummary,
  type CategoryPath,
} from '../article-schema'
import { toSafeHttpUrl } from '../safe-url'

/** An article saved for later: the card it shows on `/saved`, and when. */
export type SavedArticle = {
  id: string
  /** Epoch milliseconds. */
  savedAt: number
  summary: ArticleSummary
}

const MAX_TEXT = 2_000
const MAX_LIST = 50

/**
 * A summary rebuilt from untrusted data (a stored record, an imported file)
 * with only the fields a card reads, each of the right type and size: text
 * stays text (React escapes it), links and pictures must be http(s) or
 * paths of this site, the reader's own link is rebuilt from the id. Null
 * when the id, title or date is unusable.
 */
export function toSavedSummary(value: unknown): ArticleSummary | null {
  if (!isRecord(value)) return null
  const id = value.id
  const title = text(value.title)
  const date = text(value.date_published)
  if (typeof id !== 'string' || !isArticleId(id) || !title) return null
  if (!date || Number.isNaN(Date.parse(date))) return null
  const ext = isRecord(value._zixun) ? value._zixun : {}
  const summary: ArticleSummary = {
    id,
    url: articleUrl(id),
    title,
    summary: text(value.summary) ?? '',
    date_published: new Date(Date.parse(date)).toISOString(),
    authors: list(value.authors)
      .map((a) => (isRecord(a) ? text(a.name) : undefined))
      .filter((name): name is string => !!name)
      .map((name) => ({ name })),
    tags: list(value.tags).map(text).filter(isString),
    _zixun: {
      categories: list(ext.categories).map(toPath).filter(isPath),
      reading_minutes: toCount(ext.reading_minutes) ?? 1,
    },
  }
  const external = toSafeHttpUrl(text(value.external_url))
  if (external) summary.external_url = external
  const image = toPicture(text(value.image))
  if (image) summary.image = image
  const source = text(ext.source)
  if (source) summary._zixun.source = source
  const size = isRecord(ext.image_size) ? ext.image_size : undefined
  const width = toCount(size?.width)
  const height = toCount(size?.height)
  if (width && height) summary._zixun.image_size = { width, height }
  return summary
}

/** A stored or imported saved article, checked; null when unusable. */
export function toSavedArticle(value: unknown): SavedArticle | null {
  if (!isRecord(value)) return null
  const summary = toSavedSummary(value.summary)
  const savedAt = value.savedAt
  if (!summary || typeof savedAt !== 'number' || !Number.isFinite(savedAt)) {
    return null
  }
  return { id: summary.id, savedAt, summary }
}

/** What `/saved` shows first: the newest saved. */
export function newestSavedFirst(a: SavedArticle, b: SavedArticle): number {
  return b.savedAt - a.savedAt || a.id.localeCompare(b.id)
}

// --- internal ---

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isString(value: string | undefined): value is string {
  return value !== undefined
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim().slice(0, MAX_TEXT)
  return trimmed === '' ? undefined : trimmed
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value.slice(0, MAX_LIST) : []
}

function toPath(value: unknown): CategoryPath | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined
  const path = value.slice(0, MAX_LIST).map(text)
  return path.every(isString) ? path : undefined
}

function isPath(value: CategoryPath | undefined): value is CategoryPath {
  return value !== undefined
}

function toCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
    ? Math.min(value, 100_000)
    : undefined
}

/** An http(s) picture, or one of this site (`/data/...`). */
function toPicture(url: string | undefined): string | undefined {
  if (url?.startsWith('/') && !url.startsWith('//')) {
    return toSafeHttpUrl(url, 'https://site.invalid') && url
  }
  return toSafeHttpUrl(url)
}
