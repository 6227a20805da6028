import {
  decodeDocSet,
  decodeTier,
  findCompletions,
  findInShard,
  type Completion,
  type Postings,
  type TermEntry,
} from './postings.ts'
import {
  FILE_HASH_LENGTH,
  hashAt,
  IDS_PER_FILE,
  LONGEST_PREFIX,
  parseGroupFile,
  parseIdsFile,
  searchPaths,
  shardOf,
  type SearchMeta,
  type ShardSpace,
  type SpaceName,
} from './search-schema.ts'

/** Stands in a group for a shard with no entries (write/search/shard-space.ts). */
const EMPTY_SHARD = '-'.repeat(FILE_HASH_LENGTH)

/**
 * How the reader gets files, relative to the data root: the browser
 * fetches them, the benchmark and the tests read them from disk. A failed
 * request rejects (the search shows it with Retry).
 */
export type IndexFiles = {
  bytes: (path: string) => Promise<Uint8Array>
  json: (path: string) => Promise<unknown>
}

/**
 * Reads one version of the search index (one `index.json`): finds terms
 * through the group and shard files, loads further tiers, completions,
 * category doc sets and ids. Every file is fetched at most once while it
 * is wanted; a failed one is forgotten, so asking again retries it.
 */
export class IndexReader {
  readonly meta: SearchMeta
  private readonly files: IndexFiles
  private readonly cache = new Map<string, Promise<unknown>>()

  constructor(meta: SearchMeta, files: IndexFiles) {
    this.meta = meta
    this.files = files
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const found = this.cache.get(key)
    if (found) return found as Promise<T>
    const promise = load()
    this.cache.set(key, promise)
    promise.catch(() => this.cache.delete(key))
    return promise
  }

  /** The hash of shard `n` of a space (EMPTY_SHARD when it has none). */
  private shardHash(
    name: SpaceName,
    space: ShardSpace,
    n: number,
  ): Promise<string> {
    const group = n >> space.group_bits
    const groupHash = hashAt(space.groups, group)
    return this.once(
      `g:${name}:${group}`,
      async () =>
        parseGroupFile(
          await this.files.json(searchPaths.group(name, group, groupHash)),
        ).hashes,
    ).then((hashes) => hashAt(hashes, n & (2 ** space.group_bits - 1)))
  }

  private async shardBytes(
    name: SpaceName,
    space: ShardSpace,
    n: number,
  ): Promise<Uint8Array | undefined> {
    const hash = await this.shardHash(name, space, n)
    if (hash === EMPTY_SHARD) return undefined
    return this.once(`s:${name}:${n}:${hash}`, () =>
      this.files.bytes(searchPaths.shard(name, n, hash)),
    )
  }

  /** The term's entry (df, top tier, further tiers), or undefined when no article has it. */
  async term(term: string): Promise<TermEntry | undefined> {
    const { terms } = this.meta
    const bytes = await this.shardBytes(
      'terms',
      terms,
      shardOf(term, terms.bits),
    )
    return bytes && findInShard(bytes, term)
  }

  /** Known words starting with `prefix`, most frequent first. */
  async completions(prefix: string): Promise<Completion[]> {
    const { prefixes } = this.meta
    const key = prefix.slice(0, LONGEST_PREFIX)
    const bytes = await this.shardBytes(
      'prefixes',
      prefixes,
      shardOf(key, prefixes.bits),
    )
    if (!bytes) return []
    return findCompletions(bytes, key).filter((c) => c.word.startsWith(prefix))
  }

  /** A further tier of a term. */
  tier(hash: string): Promise<Postings> {
    return this.once(`t:${hash}`, async () =>
      decodeTier(await this.files.bytes(searchPaths.tier(hash))),
    )
  }

  /** The docnums of a category node (with its descendants), ascending. */
  category(key: string): Promise<Uint32Array> {
    const hash = this.meta.categories[key]
    if (hash === undefined) return Promise.resolve(new Uint32Array(0))
    return this.once(`c:${hash}`, async () =>
      decodeDocSet(await this.files.bytes(searchPaths.category(hash))),
    )
  }

  /** The article id of `docnum`. */
  async id(docnum: number): Promise<string> {
    const n = Math.floor(docnum / IDS_PER_FILE)
    const { ids } = this.meta
    const hash = await this.shardHash('ids', ids, n)
    const file = await this.once(`i:${n}:${hash}`, async () =>
      parseIdsFile(await this.files.json(searchPaths.shard('ids', n, hash))),
    )
    const id = file.ids[docnum % IDS_PER_FILE]
    if (id === undefined) throw new Error(`no article number ${docnum}`)
    return id
  }
}
