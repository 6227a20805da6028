/**
 * The search index's part of the data contract (docs/data-contract.md,
 * "Search"): what the ingest writes under `data/search/` and the reader
 * fetches when someone searches. Pure: no DOM, no Node.
 *
 * - `search/index.json` (revalidated, the only stable name besides the
 *   doc files): SearchMeta, the entry point.
 * - `search/g/<space>-<n>.<hash>.json`: group `n` of a shard space, the
 *   hashes of its shards' files.
 * - `search/s/<n>.<hash>.bin`: term shard `n` (the terms whose hash falls
 *   in it, each with its df, its top postings and its further tiers).
 * - `search/t/<hash>.bin`: one further tier of one term's postings.
 * - `search/p/<n>.<hash>.bin`: prefix shard `n` (completions of word starts).
 * - `search/c/<hash>.bin`: the articles of one category node.
 * - `search/i/<n>.<hash>.json`: the ids of IDS_PER_FILE articles by
 *   number; a result is shown from its `articles/<id>.json`, which the
 *   reader then has at hand when the result is opened.
 *
 * Articles are numbered 0..docs-1 oldest first (the reverse of the `all`
 * list), so new articles get new numbers and the rest keep theirs.
 */

export const SEARCH_FORMAT_VERSION = 1

/**
 * Length of the content hash in a shard's or group's file name. The name
 * also carries the shard's number, so the hash only tells versions of one
 * file apart (40 bits). Tier and category files, named by content alone,
 * carry CONTENT_HASH_LENGTH characters (60 bits).
 */
export const FILE_HASH_LENGTH = 8
export const CONTENT_HASH_LENGTH = 12

/**
 * Prefix entries exist for word starts of MIN_PREFIX_LENGTH (parse-query.ts)
 * to LONGEST_PREFIX characters; a longer start is looked up by its first
 * LONGEST_PREFIX characters, whose entry lists every completion.
 */
export const LONGEST_PREFIX = 6

export type SpaceName = 'terms' | 'prefixes' | 'ids'

/** A hashed shard space: `2^bits` shards in groups of `2^group_bits`. */
export type ShardSpace = {
  bits: number
  group_bits: number
  /** The group files' hashes, concatenated (FILE_HASH_LENGTH each). */
  groups: string
}

/** `search/index.json`. */
export type SearchMeta = {
  version: typeof SEARCH_FORMAT_VERSION
  /** How many articles are indexed. */
  docs: number
  /** The length (in units) BM25 normalises by: the mean, to a power of 2. */
  avg_units: number
  terms: ShardSpace
  prefixes: ShardSpace
  /** Article ids by docnum, IDS_PER_FILE to a file. */
  ids: ShardSpace
  /** Category node key → the hash of its doc set (`search/c/<hash>.bin`). */
  categories: Record<string, string>
}

/** Article ids per ids file: docnum `n` is entry `n % IDS_PER_FILE` of file `n / IDS_PER_FILE`. */
export const IDS_PER_FILE = 32

/** `search/i/<n>.<hash>.json`: the ids of IDS_PER_FILE consecutive docnums. */
export type IdsFile = { ids: string[] }

/** `search/g/<space>-<n>.<hash>.json`: the hashes of one group's shards. */
export type GroupFile = { hashes: string }

/** Where each file lives, relative to the data root. */
export const searchPaths = {
  meta: 'search/index.json',
  group: (space: SpaceName, n: number, hash: string) =>
    `search/g/${space}-${n}.${hash}.json`,
  shard: (space: SpaceName, n: number, hash: string) =>
    space === 'ids'
      ? `search/i/${n}.${hash}.json`
      : `search/${space === 'terms' ? 's' : 'p'}/${n}.${hash}.bin`,
  tier: (hash: string) => `search/t/${hash}.bin`,
  category: (hash: string) => `search/c/${hash}.bin`,
} as const

/**
 * The 32-bit hash that places a term: FNV-1a over its UTF-8 bytes
 * `bytes[start..end)`, then mixed (Murmur3's finaliser) so that the low
 * bits, which pick the shard, depend on every byte.
 */
export function termHash(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
): number {
  let hash = 0x811c9dc5
  for (let i = start; i < end; i++) {
    hash ^= bytes[i]
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

const encoder = new TextEncoder()

/** The shard of `term` in a space of 2^bits shards. */
export function shardOf(term: string, bits: number): number {
  return termHash(encoder.encode(term)) & (2 ** bits - 1)
}

/** The `i`-th hash of a concatenation of FILE_HASH_LENGTH hashes. */
export function hashAt(hashes: string, i: number): string {
  return hashes.slice(i * FILE_HASH_LENGTH, (i + 1) * FILE_HASH_LENGTH)
}

export class SearchFormatError extends Error {
  override name = 'SearchFormatError'
}

function isSpace(value: unknown): value is ShardSpace {
  if (typeof value !== 'object' || value === null) return false
  const space = value as Record<string, unknown>
  return (
    Number.isInteger(space.bits) &&
    Number.isInteger(space.group_bits) &&
    typeof space.groups === 'string' &&
    space.groups.length ===
      FILE_HASH_LENGTH *
        2 ** ((space.bits as number) - (space.group_bits as number))
  )
}

/** Checks `search/index.json` as fetched. */
export function parseSearchMeta(value: unknown): SearchMeta {
  if (typeof value !== 'object' || value === null) {
    throw new SearchFormatError('search index is not an object')
  }
  const meta = value as Record<string, unknown>
  if (meta.version !== SEARCH_FORMAT_VERSION) {
    throw new SearchFormatError(
      `search index version ${String(meta.version)} is not ${SEARCH_FORMAT_VERSION}`,
    )
  }
  if (!Number.isInteger(meta.docs) || typeof meta.avg_units !== 'number') {
    throw new SearchFormatError('search index has no document count')
  }
  if (!isSpace(meta.terms) || !isSpace(meta.prefixes) || !isSpace(meta.ids)) {
    throw new SearchFormatError('search index has no shard map')
  }
  if (typeof meta.categories !== 'object' || meta.categories === null) {
    throw new SearchFormatError('search index has no categories')
  }
  return value as SearchMeta
}

/** Checks an ids file as fetched. */
export function parseIdsFile(value: unknown): IdsFile {
  const file = value as Partial<IdsFile> | null
  if (
    typeof file !== 'object' ||
    file === null ||
    !Array.isArray(file.ids) ||
    !file.ids.every((id) => typeof id === 'string')
  ) {
    throw new SearchFormatError('ids file is malformed')
  }
  return file as IdsFile
}

/** Checks a group file as fetched. */
export function parseGroupFile(value: unknown): GroupFile {
  const file = value as Partial<GroupFile> | null
  if (
    typeof file !== 'object' ||
    file === null ||
    typeof file.hashes !== 'string'
  ) {
    throw new SearchFormatError('group file is malformed')
  }
  return file as GroupFile
}
