import { hash } from 'node:crypto'
import type { CategoryPath } from '../../../../src/lib/article-schema.ts'
import type { Completion } from '../../../../src/lib/search/postings.ts'
import { snapAverage } from '../../../../src/lib/search/scoring.ts'
import {
  SEARCH_FORMAT_VERSION,
  searchPaths,
  termHash,
  type SearchMeta,
} from '../../../../src/lib/search/search-schema.ts'
import { readSearchRecord } from '../../convert/search/search-record.ts'
import type { SearchOutput } from './search-output.ts'
import { BucketSpill } from './bucket-spill.ts'
import { writeCategorySets } from './category-sets.ts'
import { writeIdFiles } from './id-files.ts'
import { invertBuckets } from './invert-pool.ts'
import { writePrefixIndex } from './prefix-index.ts'
import { ShardSpaceWriter } from './shard-space.ts'
import { MAX_DOCS } from './tiers.ts'

/** An article as the lists have it (newest first), with what search needs. */
export type Indexed = {
  id: string
  articleHash: string
  paths: CategoryPath[]
}

/** Each article's search record by content hash (cache/search-record-cache.ts). */
export type RecordSource = {
  get: (articleHash: string) => Uint8Array | undefined
  /** The record's length in bytes (0 when there is none). */
  size: (articleHash: string) => number
  /** Keeps exactly these records for the next run. */
  save: (articleHashes: Iterable<string>) => void
}

export type SearchIndexOptions = {
  /** Digest of the code and options: another one means a rebuild. */
  codeVersion: string
  /** A folder for temporary files (beside the caches, not in the output). */
  spillDir: string
  /** Postings per term in its shard (default TOP_TIER; tests make it small). */
  topTier?: number
  /** How category nodes are keyed (the manifest's keys; test fixtures have their own). */
  categoryKey?: (path: CategoryPath) => string
  /** Threads that invert buckets (invert-pool.ts; default 0: this one). */
  workers?: number
}

export type SearchIndexResult = {
  /** Nothing changed since the last run: its files were kept as they are. */
  reused: boolean
  docs: number
  terms: number
  postings: number
}

/** Where the digest of the last index's input is remembered (no file). */
export const SOURCE_NOTE = 'search/.source'
/** Record bytes per term shard, roughly (a shard is then ~12 KB). */
const RECORD_BYTES_PER_SHARD = 60_000
/** Record bytes per bucket: what one bucket inverts in memory. */
const RECORD_BYTES_PER_BUCKET = 6_000_000

/**
 * Writes the search index (docs/data-contract.md, "Search") for
 * `sorted`, the articles newest first as the lists are written, numbered
 * oldest first. Pass A reads each article's search record and sends its
 * postings to bucket files on disk by term; pass B inverts the buckets
 * into tiers and shards, one at a time on each of `options.workers`
 * threads. Memory stays bounded by a bucket per thread, not by the
 * corpus. When the articles, their content and the
 * code are what the last run indexed, its files are kept and nothing is
 * read or written.
 */
export async function writeSearchIndex(
  writer: SearchOutput,
  sorted: readonly Indexed[],
  records: RecordSource,
  options: SearchIndexOptions,
): Promise<SearchIndexResult> {
  const docs = sorted.length
  if (docs > MAX_DOCS)
    throw new Error(`search indexes at most ${MAX_DOCS} articles`)
  const inOrder = () => docnumOrder(sorted)
  const source = sourceDigest(sorted, options.codeVersion)
  if (writer.previousHash(SOURCE_NOTE) === source) {
    writer.keepPrevious('search/')
    records.save(inOrder())
    return { reused: true, docs, terms: 0, postings: 0 }
  }
  // Sizes first: they decide how many shards and buckets there are.
  let recordBytes = 0
  for (const articleHash of inOrder()) recordBytes += records.size(articleHash)
  const units = new Uint32Array(docs)
  const bits = clamp(
    Math.round(Math.log2(recordBytes / RECORD_BYTES_PER_SHARD)),
    0,
    20,
  )
  const bucketBits = clamp(
    Math.ceil(Math.log2(recordBytes / RECORD_BYTES_PER_BUCKET)),
    0,
    bits,
  )
  const spill = new BucketSpill(
    `${options.spillDir}/search-buckets`,
    2 ** bucketBits,
  )
  try {
    let totalUnits = 0
    const bucketMask = 2 ** bucketBits - 1
    let docnum = 0
    for (const articleHash of inOrder()) {
      const record = records.get(articleHash)
      if (!record)
        throw new Error(`no search record for article ${articleHash}`)
      const read = readSearchRecord(record)
      units[docnum] = read.units
      totalUnits += read.units
      read.visit((start, end, body, title) => {
        const bucket = termHash(record, start, end) & bucketMask
        spill.add(bucket, record, start, end, docnum, body, title)
      })
      docnum++
    }
    spill.finish()
    const avgUnits = snapAverage(totalUnits / Math.max(1, docs))
    const termSpace = new ShardSpaceWriter(writer, 'terms', bits)
    const words: Completion[] = []
    let terms = 0
    let postings = 0
    const context = { bits, units, avgUnits, topTier: options.topTier }
    await invertBuckets(spill, context, options.workers ?? 0, (bucket) => {
      for (const tier of bucket.tiers) {
        writer.writeAddressed(searchPaths.tier(tier.hash), () => tier.bytes)
      }
      for (const shard of bucket.shards) termSpace.write(shard.n, shard.bytes)
      if (bucket.dfs.length > 0) {
        bucket.words.split('\n').forEach((word, i) => {
          words.push({ word, df: bucket.dfs[i] })
        })
      }
      terms += bucket.terms
      postings += bucket.postings
    })
    const meta: SearchMeta = {
      version: SEARCH_FORMAT_VERSION,
      docs,
      avg_units: avgUnits,
      terms: termSpace.finish(),
      prefixes: writePrefixIndex(writer, words),
      ids: writeIdFiles(writer, sorted),
      categories: writeCategorySets(writer, sorted, options.categoryKey),
    }
    writer.write(searchPaths.meta, `${JSON.stringify(meta)}\n`)
    writer.note(SOURCE_NOTE, source)
    records.save(inOrder())
    return { reused: false, docs, terms, postings }
  } finally {
    spill.remove()
  }
}

/** The article hashes in docnum order (oldest first). */
function* docnumOrder(sorted: readonly Indexed[]): Generator<string> {
  for (let i = sorted.length - 1; i >= 0; i--) yield sorted[i].articleHash
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Number.isFinite(value) ? value : min))
}

/** A digest of what the index is made from: code, and each article's id and bytes in order. */
function sourceDigest(sorted: readonly Indexed[], codeVersion: string): string {
  const digest = hash('sha1', `${codeVersion}\n${SEARCH_FORMAT_VERSION}`, 'hex')
  const parts = [digest]
  for (const article of sorted) parts.push(article.id, article.articleHash)
  return hash('sha1', parts.join('\n'), 'base64url')
}
