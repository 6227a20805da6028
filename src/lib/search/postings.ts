import { ByteReader, ByteWriter, FormatError } from './bytes.ts'
import { SEARCH_FORMAT_VERSION } from './search-schema.ts'

/**
 * The binary files of the search index (docs/data-contract.md, "Search"),
 * written by the ingest and read by the reader with the same code.
 *
 * A *postings block* lists articles (docnums) in ascending order with one
 * impact byte each: a count, the docnums as gaps (varints), then the
 * impacts. A term's postings are split into *tiers* by impact: tier 0
 * (the best TOP_TIER, ties to the newest) sits in its shard; each further
 * tier (the next TIER_GROWTH times as many) is a file of its own, so a
 * query fetches only as deep as its first screen of results needs.
 */

/** Postings in the shard itself, per term. */
export const TOP_TIER = 512
/** Each further tier holds this many times the postings before it. */
export const TIER_GROWTH = 8

/** Docnums ascending, with the impact of each. */
export type Postings = { docs: Uint32Array; impacts: Uint8Array }

/** A further tier of a term: how many postings, their best impact, its file. */
export type TierRef = { count: number; max: number; hash: string }

/** One term of a shard. */
export type TermEntry = {
  term: string
  /** Articles that contain the term. */
  df: number
  top: Postings
  /** Tiers 1…, best first; empty when `top` holds every posting. */
  tiers: TierRef[]
}

/** A term as the ingest writes it: its UTF-8 bytes instead of a string. */
export type ShardEntry = Omit<TermEntry, 'term'> & { term: Uint8Array }

/** A known word that starts with a prefix, and its df. */
export type Completion = { word: string; df: number }

export function writePostings(writer: ByteWriter, postings: Postings): void {
  const { docs, impacts } = postings
  writer.varint(docs.length)
  let previous = 0
  for (let i = 0; i < docs.length; i++) {
    writer.varint(docs[i] - previous)
    previous = docs[i]
  }
  writer.bytes(impacts)
}

export function readPostings(reader: ByteReader): Postings {
  return readDocs(reader, reader.varint())
}

function skipDocs(reader: ByteReader, count: number): void {
  for (let i = 0; i < count; i++) reader.varint()
  reader.take(count)
}

function readDocs(reader: ByteReader, count: number): Postings {
  const docs = new Uint32Array(count)
  let doc = 0
  for (let i = 0; i < count; i++) {
    doc += reader.varint()
    docs[i] = doc
  }
  return { docs, impacts: reader.take(count).slice() }
}

function writeVersion(writer: ByteWriter, kind: number): void {
  writer.byte(SEARCH_FORMAT_VERSION)
  writer.byte(kind)
}

function readVersion(reader: ByteReader, kind: number): void {
  const version = reader.byte()
  const found = reader.byte()
  if (version !== SEARCH_FORMAT_VERSION || found !== kind) {
    throw new FormatError(
      `search file of version ${version}, kind ${found}: expected ${SEARCH_FORMAT_VERSION}, ${kind}`,
    )
  }
}

const encoder = new TextEncoder()

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

const KIND_SHARD = 1
const KIND_TIER = 2
const KIND_PREFIXES = 3
const KIND_DOC_SET = 4

/** A term shard's bytes: its entries, in the order given (sorted by term). */
export function encodeShard(entries: readonly ShardEntry[]): Uint8Array {
  const shard = new ShardEncoder(entries.length)
  for (const { term, df, tiers, top } of entries) {
    shard.entry(term, 0, term.length, df, tiers, top.docs, top.impacts)
  }
  return shard.finish()
}

/**
 * Writes a term shard entry by entry (what encodeShard writes), from
 * ranges of larger arrays: the ingest encodes a bucket's terms without an
 * object or a copy per term.
 */
export class ShardEncoder {
  private readonly writer: ByteWriter

  constructor(count: number, sizeHint = 4096) {
    this.writer = new ByteWriter(sizeHint)
    writeVersion(this.writer, KIND_SHARD)
    this.writer.varint(count)
  }

  /**
   * The next entry: the term `term[termStart..termEnd)`, its df and
   * further tiers, and its top tier `docs[from..to)` with their impacts.
   */
  entry(
    term: Uint8Array,
    termStart: number,
    termEnd: number,
    df: number,
    tiers: readonly TierRef[],
    docs: Uint32Array,
    impacts: Uint8Array,
    from = 0,
    to = docs.length,
  ): void {
    const writer = this.writer
    writer.varint(termEnd - termStart)
    writer.range(term, termStart, termEnd)
    // df and whether further tiers follow, in one varint; without tiers
    // the top tier holds df postings, so its count is left out.
    writer.varint(df * 2 + (tiers.length > 0 ? 1 : 0))
    if (tiers.length > 0) {
      writer.varint(tiers.length)
      for (const tier of tiers) {
        writer.varint(tier.count)
        writer.byte(tier.max)
        writer.string(tier.hash)
      }
      writer.varint(to - from)
    }
    let previous = 0
    for (let i = from; i < to; i++) {
      writer.varint(docs[i] - previous)
      previous = docs[i]
    }
    writer.range(impacts, from, to)
  }

  finish(): Uint8Array {
    return this.writer.finish()
  }
}

/**
 * The entry of `term` in a shard's bytes, or undefined when the shard has
 * no such term. Other entries are skipped, not decoded.
 */
export function findInShard(
  bytes: Uint8Array,
  term: string,
): TermEntry | undefined {
  const wanted = encoder.encode(term)
  const reader = new ByteReader(bytes)
  readVersion(reader, KIND_SHARD)
  const count = reader.varint()
  for (let i = 0; i < count; i++) {
    const found = reader.take(reader.varint())
    const head = reader.varint()
    const df = Math.floor(head / 2)
    const tiers: TierRef[] = []
    let top = df
    if (head % 2 === 1) {
      for (let t = reader.varint(); t > 0; t--) {
        const tierCount = reader.varint()
        const max = reader.byte()
        tiers.push({ count: tierCount, max, hash: reader.string() })
      }
      top = reader.varint()
    }
    if (!sameBytes(found, wanted)) {
      skipDocs(reader, top)
      continue
    }
    return { term, df, top: readDocs(reader, top), tiers }
  }
  return undefined
}

/** A further tier's file. */
export function encodeTier(postings: Postings): Uint8Array {
  const writer = new ByteWriter(postings.docs.length * 3 + 16)
  writeVersion(writer, KIND_TIER)
  writePostings(writer, postings)
  return writer.finish()
}

export function decodeTier(bytes: Uint8Array): Postings {
  const reader = new ByteReader(bytes)
  readVersion(reader, KIND_TIER)
  return readPostings(reader)
}

/** A prefix shard: each prefix with its completions, most frequent first. */
export function encodePrefixShard(
  entries: ReadonlyArray<{ prefix: string; completions: Completion[] }>,
): Uint8Array {
  const writer = new ByteWriter(1024)
  writeVersion(writer, KIND_PREFIXES)
  writer.varint(entries.length)
  for (const { prefix, completions } of entries) {
    writer.string(prefix)
    writer.varint(completions.length)
    for (const { word, df } of completions) {
      // Completions share the prefix: store what follows it.
      writer.string(word.slice(prefix.length))
      writer.varint(df)
    }
  }
  return writer.finish()
}

/** The completions of `prefix` in a prefix shard (none when absent). */
export function findCompletions(
  bytes: Uint8Array,
  prefix: string,
): Completion[] {
  const reader = new ByteReader(bytes)
  readVersion(reader, KIND_PREFIXES)
  const count = reader.varint()
  for (let i = 0; i < count; i++) {
    const found = reader.string()
    const completions: Completion[] = []
    for (let n = reader.varint(); n > 0; n--) {
      const word = found + reader.string()
      completions.push({ word, df: reader.varint() })
    }
    if (found === prefix) return completions
  }
  return []
}

/** A category's articles: docnums ascending, as gaps. */
export function encodeDocSet(docs: ArrayLike<number>): Uint8Array {
  const writer = new ByteWriter(docs.length * 2 + 16)
  writeVersion(writer, KIND_DOC_SET)
  writer.varint(docs.length)
  let previous = 0
  for (let i = 0; i < docs.length; i++) {
    writer.varint(docs[i] - previous)
    previous = docs[i]
  }
  return writer.finish()
}

export function decodeDocSet(bytes: Uint8Array): Uint32Array {
  const reader = new ByteReader(bytes)
  readVersion(reader, KIND_DOC_SET)
  const count = reader.varint()
  const docs = new Uint32Array(count)
  let doc = 0
  for (let i = 0; i < count; i++) {
    doc += reader.varint()
    docs[i] = doc
  }
  return docs
}
