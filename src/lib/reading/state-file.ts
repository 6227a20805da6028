import {
  isArticleId,
  JSON_FEED_VERSION,
  type ArticleSummary,
} from '../article-schema'
import type { StoredState } from './backend'
import {
  decodeCategories,
  encodeCategories,
  pathOfScope,
  scopeOf,
  type ReadTarget,
  type Scope,
} from './read-scopes'
import { toSavedSummary, type SavedArticle } from './saved-article'

export const STATE_FILE_FORMAT = 'zixun-reading-state'
export const STATE_FILE_VERSION = 1
/** Files larger than this are refused before they are read. */
export const MAX_STATE_FILE_BYTES = 20 * 1024 * 1024
/** Settings are the `localStorage` keys with this prefix. */
export const SETTINGS_PREFIX = 'zixun:'

/** Why a file was refused (the interface words them in both languages). */
export type Refusal =
  | { reason: 'not-json' | 'too-large' | 'not-zixun' | 'newer' | 'empty' }
  | { reason: 'invalid'; what: string }

/** What an accepted file holds, checked and rebuilt (never the file's own objects). */
export type StateImport = {
  state: StoredState
  settings: Record<string, string>
}

type ArticleRef = {
  id: string
  date_published: string
  categories: string[][]
}

/**
 * Everything the reader has on this device as one JSON file: read marks
 * (articles, list watermarks and their counts), saved articles as a JSON
 * Feed 1.1 document (any feed reader can open it), and the settings.
 */
export function buildStateFile(
  state: StoredState,
  settings: Record<string, string>,
  now: Date,
): object {
  return {
    format: STATE_FILE_FORMAT,
    version: STATE_FILE_VERSION,
    exported_at: now.toISOString(),
    read: {
      articles: state.read.map(toRef),
      unread: state.unread.map(toRef),
      lists: state.watermarks.map(([scope, date]) => ({
        categories: pathOfScope(scope),
        read_up_to: new Date(date).toISOString(),
      })),
      counts: state.tally.map(([scope, count]) => ({
        categories: pathOfScope(scope),
        count,
      })),
    },
    saved: buildSavedFeed(state.saved),
    settings,
  }
}

/** Saved articles, newest saved first, as a JSON Feed 1.1 document. */
export function buildSavedFeed(saved: readonly SavedArticle[]): object {
  return {
    version: JSON_FEED_VERSION,
    title: 'Zixun — saved articles',
    items: saved.map(({ summary, savedAt }) => ({
      ...summary,
      _zixun: { ...summary._zixun, saved_at: new Date(savedAt).toISOString() },
    })),
  }
}

/**
 * Reads an exported file (or a saved-articles JSON Feed) back. The file is
 * untrusted: every part is checked and rebuilt field by field, and the
 * first thing that is not what this app writes refuses the whole file,
 * with the reason — nothing is half-imported.
 */
export function parseStateFile(text: string): StateImport | Refusal {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { reason: 'not-json' }
  }
  if (!isRecord(value)) return { reason: 'not-zixun' }
  if (
    typeof value.version === 'string' &&
    value.version.startsWith('https://jsonfeed.org/version/')
  ) {
    const saved = parseFeed(value, 'items')
    if ('reason' in saved) return saved
    if (!saved.length) return { reason: 'empty' }
    return { state: { ...emptyState(), saved }, settings: {} }
  }
  if (value.format !== STATE_FILE_FORMAT) return { reason: 'not-zixun' }
  if (typeof value.version !== 'number') return invalid('version')
  if (value.version > STATE_FILE_VERSION) return { reason: 'newer' }
  const read = isRecord(value.read) ? value.read : null
  if (!read) return invalid('read')
  const articles = parseRefs(read.articles, 'read.articles')
  const unread = parseRefs(read.unread ?? [], 'read.unread')
  const lists = parsePairs(read.lists ?? [], 'read.lists', 'read_up_to')
  const counts = parsePairs(read.counts ?? [], 'read.counts', 'count')
  const saved = isRecord(value.saved)
    ? parseFeed(value.saved, 'saved.items')
    : invalid('saved')
  const settings = parseSettings(value.settings ?? {})
  const refused = [articles, unread, lists, counts, saved, settings].find(
    isRefusal,
  )
  if (refused) return refused
  return {
    state: {
      read: articles as ReadTarget[],
      unread: unread as ReadTarget[],
      watermarks: lists as [Scope, number][],
      tally: counts as [Scope, number][],
      saved: saved as SavedArticle[],
      reset: [],
    },
    settings: settings as Record<string, string>,
  }
}

/**
 * `incoming` merged into `current`: the union of read marks and saved
 * articles (the later save wins), the later watermark of each list, the
 * larger count. An unread exception never undoes a mark made here.
 */
export function mergeStates(
  current: StoredState,
  incoming: StoredState,
): StoredState {
  const byId = <T extends { id: string }>(
    a: readonly T[],
    b: readonly T[],
    keep: (x: T, y: T) => T,
  ) => {
    const map = new Map(a.map((x) => [x.id, x]))
    for (const y of b) {
      const x = map.get(y.id)
      map.set(y.id, x ? keep(x, y) : y)
    }
    return [...map.values()]
  }
  const read = byId(current.read, incoming.read, (x) => x)
  const readIds = new Set(read.map((t) => t.id))
  const maxPairs = (a: [Scope, number][], b: [Scope, number][]) => {
    const map = new Map(a)
    for (const [scope, n] of b) map.set(scope, Math.max(map.get(scope) ?? n, n))
    return [...map]
  }
  return {
    read,
    unread: byId(current.unread, incoming.unread, (x) => x).filter(
      (t) => !readIds.has(t.id),
    ),
    watermarks: maxPairs(current.watermarks, incoming.watermarks),
    tally: maxPairs(current.tally, incoming.tally),
    saved: byId(current.saved, incoming.saved, (x, y) =>
      y.savedAt > x.savedAt ? y : x,
    ),
    reset: [],
  }
}

// --- internal ---

function toRef(target: ReadTarget): ArticleRef {
  return {
    id: target.id,
    date_published: new Date(target.date).toISOString(),
    categories: decodeCategories(target.cats),
  }
}

function emptyState(): StoredState {
  return {
    read: [],
    unread: [],
    watermarks: [],
    tally: [],
    saved: [],
    reset: [],
  }
}

function isRefusal(value: unknown): value is Refusal {
  return !Array.isArray(value) && isRecord(value) && 'reason' in value
}

function invalid(what: string): Refusal {
  return { reason: 'invalid', what }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPath(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= 50 &&
    value.every((s) => typeof s === 'string' && s !== '' && s.length <= 500)
  )
}

function parseRefs(value: unknown, where: string): ReadTarget[] | Refusal {
  if (!Array.isArray(value)) return invalid(where)
  const out: ReadTarget[] = []
  for (const [i, ref] of value.entries()) {
    const date =
      isRecord(ref) && typeof ref.date_published === 'string'
        ? Date.parse(ref.date_published)
        : NaN
    if (
      !isRecord(ref) ||
      typeof ref.id !== 'string' ||
      !isArticleId(ref.id) ||
      Number.isNaN(date) ||
      !Array.isArray(ref.categories) ||
      !ref.categories.every(isPath)
    ) {
      return invalid(`${where}[${i}]`)
    }
    out.push({ id: ref.id, date, cats: encodeCategories(ref.categories) })
  }
  return out
}

function parsePairs(
  value: unknown,
  where: string,
  field: 'read_up_to' | 'count',
): [Scope, number][] | Refusal {
  if (!Array.isArray(value)) return invalid(where)
  const out: [Scope, number][] = []
  for (const [i, entry] of value.entries()) {
    const raw = isRecord(entry) ? entry[field] : undefined
    const n =
      field === 'count' ? raw : typeof raw === 'string' ? Date.parse(raw) : NaN
    if (
      !isRecord(entry) ||
      !isPath(entry.categories) ||
      typeof n !== 'number' ||
      !Number.isFinite(n) ||
      (field === 'count' && (!Number.isInteger(n) || n < 0))
    ) {
      return invalid(`${where}[${i}]`)
    }
    out.push([scopeOf(entry.categories), n])
  }
  return out
}

function parseFeed(
  feed: Record<string, unknown>,
  where: string,
): SavedArticle[] | Refusal {
  if (!Array.isArray(feed.items)) return invalid(where)
  const out: SavedArticle[] = []
  for (const [i, item] of feed.items.entries()) {
    const summary: ArticleSummary | null = toSavedSummary(item)
    const ext = isRecord(item) && isRecord(item._zixun) ? item._zixun : {}
    const savedAt =
      typeof ext.saved_at === 'string' ? Date.parse(ext.saved_at) : NaN
    if (!summary || !isRecord(item) || summary.id !== item.id)
      return invalid(`${where}[${i}]`)
    out.push({
      id: summary.id,
      summary,
      savedAt: Number.isNaN(savedAt)
        ? Date.parse(summary.date_published)
        : savedAt,
    })
  }
  return out
}

function parseSettings(value: unknown): Record<string, string> | Refusal {
  if (!isRecord(value)) return invalid('settings')
  const entries = Object.entries(value)
  if (entries.length > 100) return invalid('settings')
  const out: Record<string, string> = {}
  for (const [key, setting] of entries) {
    if (
      !key.startsWith(SETTINGS_PREFIX) ||
      key.length > 200 ||
      typeof setting !== 'string' ||
      setting.length > 10_000
    ) {
      return invalid(`settings["${key.slice(0, 60)}"]`)
    }
    out[key] = setting
  }
  return out
}
