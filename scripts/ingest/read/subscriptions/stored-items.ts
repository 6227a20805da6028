import { PostError } from '../../shared/errors.ts'
import type { FeedItem } from '../feeds/parse-xml-feed.ts'
import type { InputTask, RawPost, TextInput } from '../input-types.ts'

/**
 * The item history of one subscribed feed is kept in segment files
 * (`items-0001.jsonl`, …) under the cache folder, and each segment is an
 * input of the run like a feed file. A segment is text, one line each:
 *
 *     {"zixun_history":1,"feed":{…FeedMeta}}                 (first line)
 *     <key JSON>\t<hash>\t<date ms>\t<StoredItem JSON>       (one per item)
 *
 * JSON never holds a raw tab, so the first three fields are found without
 * parsing the item. A line is written whole with its `\n`; a last line
 * without one was cut by a crash and is not read.
 */
export const HISTORY_FORMAT = 1

/** What the subscription list and the feed say about it, for every item. */
export type FeedMeta = {
  /** The list's title for the feed, else the feed's own. */
  title?: string
  /** The folder path from the list. */
  category: string[]
  /** The feed's site: relative item links resolve against it. */
  site?: string
  /** The feed's store folder name, which scopes guids that are not unique (see keyedGuid). */
  key: string
}

/** One item as stored: what the feed said, plus what Zixun learned. */
export type StoredItem = FeedItem & {
  /** When Zixun first saw the item (ms): the date of last resort. */
  firstSeen: number
  /** The article page's main text, when full text was fetched. */
  fullHtml?: string
  /** Why full text could not be had (not tried again for this version). */
  fullTextFailed?: string
}

/** The segment's first line. */
export function headerLine(meta: FeedMeta): string {
  return `${JSON.stringify({ zixun_history: HISTORY_FORMAT, feed: meta })}\n`
}

/** One item's line. */
export function itemLine(
  key: string,
  hash: string,
  dateMs: number,
  item: StoredItem,
): string {
  return `${JSON.stringify(key)}\t${hash}\t${dateMs}\t${JSON.stringify(item)}\n`
}

/** The fields before the item, read without parsing it. */
export type LineHead = { key: string; hash: string; dateMs: number }

/** The key, hash and date of an item line; undefined for any other line. */
export function readLineHead(line: string): LineHead | undefined {
  const a = line.indexOf('\t')
  const b = a < 0 ? -1 : line.indexOf('\t', a + 1)
  const c = b < 0 ? -1 : line.indexOf('\t', b + 1)
  if (c < 0) return undefined
  try {
    const key = JSON.parse(line.slice(0, a)) as unknown
    if (typeof key !== 'string') return undefined
    return {
      key,
      hash: line.slice(a + 1, b),
      dateMs: Number(line.slice(b + 1, c)),
    }
  } catch {
    return undefined
  }
}

/** The item of an item line. */
export function readLineItem(line: string): StoredItem {
  const c = nthTab(line, 3)
  return JSON.parse(line.slice(c + 1)) as StoredItem
}

function nthTab(line: string, n: number): number {
  let at = -1
  for (let i = 0; i < n; i++) at = line.indexOf('\t', at + 1)
  return at
}

/** The meta of a segment's first line; undefined when it is not one. */
export function readHeader(line: string): FeedMeta | undefined {
  try {
    const doc = JSON.parse(line) as { zixun_history?: unknown; feed?: FeedMeta }
    return doc.zixun_history === HISTORY_FORMAT ? doc.feed : undefined
  } catch {
    return undefined
  }
}

/** Whether a file name is an item history segment. */
export function isHistorySegment(path: string): boolean {
  return /(?:^|[\\/])items-\d{4,}\.jsonl$/.test(path)
}

/**
 * Reads a history segment as RawPosts named `<file>#<n>`: the list's
 * folder path as the category (the item's own categories become tags),
 * the feed's title as source, its site as the base of relative links, the
 * full text when it was fetched, and the time the item was first seen as
 * the date of last resort. Throws PostError for a file that is no segment.
 */
export function readStoredSegment(
  task: InputTask,
  input: TextInput,
): RawPost[] {
  const lines = input.text.split('\n')
  const meta = readHeader(lines[0] ?? '')
  if (!meta) throw new PostError('not a Zixun feed history segment', 1)
  // The last element is '' after a final newline, or a line cut by a crash.
  const complete = lines.slice(1, -1)
  const posts: RawPost[] = []
  complete.forEach((line) => {
    const head = readLineHead(line)
    if (!head) return
    const item = readLineItem(line)
    posts.push({
      file: `${task.file}#${posts.length + 1}`,
      relPath: `${task.relPath}#${head.key}`,
      data: itemData(item, meta),
      html: item.fullHtml ?? item.html,
      categoryStyle: meta.category.length > 0 ? 'hierarchical' : 'flat',
      ...(meta.title ? { source: meta.title } : {}),
      ...(meta.site ? { linkBase: meta.site } : {}),
      mtimeMs: item.firstSeen,
    })
  })
  return posts
}

function itemData(item: StoredItem, meta: FeedMeta): Record<string, unknown> {
  const data: Record<string, unknown> = { ...item.data }
  if (typeof data.guid === 'string') data.guid = keyedGuid(data.guid, meta.key)
  if (meta.category.length > 0) {
    data.tags = [...asList(data.tags), ...asList(data.categories)]
    data.categories = meta.category
  }
  return data
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value]
}

/**
 * A guid as an id: kept when it is globally unique by construction (a
 * URL, `urn:`, `tag:` or a UUID), else prefixed by the feed's key, since
 * two feeds may both number their items 1, 2, 3 (docs/decisions/019).
 */
export function keyedGuid(guid: string, feedKey: string): string {
  const g = guid.trim()
  if (/^(?:https?:\/\/|urn:|tag:)/i.test(g)) return g
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(g))
    return g
  return `${feedKey}:${g}`
}
