import { isCjk } from '../../../../src/lib/search/fold.ts'
import {
  encodeTier,
  ShardEncoder,
  TOP_TIER,
  type TierRef,
} from '../../../../src/lib/search/postings.ts'
import { impactOf } from '../../../../src/lib/search/scoring.ts'
import {
  CONTENT_HASH_LENGTH,
  termHash,
} from '../../../../src/lib/search/search-schema.ts'
import { isCompletion } from './prefix-index.ts'
import { nameHash } from './shard-space.ts'
import { maxImpact, splitTiers } from './tiers.ts'

export type InvertContext = {
  /** The term space has 2^bits shards. */
  bits: number
  /** Each article's length in units, by docnum. */
  units: Uint32Array
  avgUnits: number
  /** Postings in a shard per term (TOP_TIER; tests make it small). */
  topTier?: number
}

/** What one bucket adds to the index, ready to write (invert-pool.ts carries it between threads). */
export type InvertedBucket = {
  /** The bucket's term shards by number (each a whole shard: a shard lies in one bucket). */
  shards: Array<{ n: number; bytes: Uint8Array }>
  /** The further tiers its shards refer to, by content hash. */
  tiers: Array<{ hash: string; bytes: Uint8Array }>
  /** Its words that the prefix index lists (isCompletion), one a line. */
  words: string
  /** The df of each word, in the same order. */
  dfs: Uint32Array
  terms: number
  postings: number
}

const decoder = new TextDecoder()
const latin1 = new TextDecoder('latin1')

/**
 * Inverts one bucket: reads its postings (in docnum order, as pass A
 * wrote them), gives each distinct term an number, sorts the postings by
 * term (a counting sort, which keeps docnum order within a term),
 * computes impacts, and encodes each term's further tiers and the
 * bucket's shards. Pure: the caller writes what it returns.
 */
export function invertBucket(
  bytes: Uint8Array,
  context: InvertContext,
): InvertedBucket {
  const parsed = parseRecords(bytes)
  const { count, termOf, termStart, termLength, termHashes, terms } = parsed
  // Postings grouped by term: offsets, then a stable scatter.
  const offsets = reused('offsets', terms + 1).fill(0, 0, terms + 1)
  for (let r = 0; r < count; r++) offsets[termOf[r] + 1]++
  for (let t = 0; t < terms; t++) offsets[t + 1] += offsets[t]
  const fill = reused('fill', terms)
  fill.set(offsets.subarray(0, terms))
  const docs = reused('docs', count)
  const impacts = reusedBytes(count)
  const { units, avgUnits } = context
  for (let r = 0; r < count; r++) {
    const at = fill[termOf[r]]++
    const doc = parsed.doc[r]
    docs[at] = doc
    impacts[at] = impactOf(
      parsed.title[r],
      parsed.body[r],
      units[doc],
      avgUnits,
    )
  }
  const mask = 2 ** context.bits - 1
  const shards = new Map<number, number[]>()
  for (let t = 0; t < terms; t++) {
    const n = termHashes[t] & mask
    const list = shards.get(n)
    if (list) list.push(t)
    else shards.set(n, [t])
  }
  // Terms compare by their first four bytes as one number (UTF-8 has no
  // zero byte, so a shorter term's zero padding sorts it first), and byte
  // by byte only when those are equal.
  const heads = reused('heads', terms)
  for (let t = 0; t < terms; t++) {
    const start = termStart[t]
    const length = termLength[t]
    let head = 0
    for (let i = 0; i < 4; i++)
      head = head * 256 + (i < length ? bytes[start + i] : 0)
    heads[t] = head
  }
  const compareTerms = (a: number, b: number) =>
    heads[a] - heads[b] ||
    compareRanges(
      bytes,
      termStart[a],
      termLength[a],
      termStart[b],
      termLength[b],
    )
  const out: InvertedBucket = {
    shards: [],
    tiers: [],
    words: '',
    dfs: new Uint32Array(0),
    terms,
    postings: count,
  }
  const words: string[] = []
  const dfs: number[] = []
  for (const [n, list] of shards) {
    list.sort(compareTerms)
    const shard = new ShardEncoder(list.length)
    for (const t of list) {
      const from = offsets[t]
      const to = offsets[t + 1]
      const start = termStart[t]
      const end = start + termLength[t]
      const df = to - from
      const word = wordOf(bytes, start, end)
      if (word !== undefined && isCompletion(word, df)) {
        words.push(word)
        dfs.push(df)
      }
      if (df <= (context.topTier ?? TOP_TIER)) {
        shard.entry(bytes, start, end, df, NO_TIERS, docs, impacts, from, to)
        continue
      }
      const [top, ...rest] = splitTiers(
        { docs: docs.subarray(from, to), impacts: impacts.subarray(from, to) },
        context.topTier,
      )
      const tiers = rest.map((tier) => {
        const tierBytes = encodeTier(tier)
        const tierHash = nameHash(tierBytes, CONTENT_HASH_LENGTH)
        out.tiers.push({ hash: tierHash, bytes: tierBytes })
        return { count: tier.docs.length, max: maxImpact(tier), hash: tierHash }
      })
      shard.entry(bytes, start, end, df, tiers, top.docs, top.impacts)
    }
    out.shards.push({ n, bytes: shard.finish() })
  }
  out.words = words.join('\n')
  out.dfs = Uint32Array.from(dfs)
  return out
}

const NO_TIERS: TierRef[] = []

/**
 * Arrays reused from bucket to bucket (a thread inverts one bucket at a
 * time, and nothing it returns is a view of them): a bucket's ~20 MB of
 * them are then made once per thread, not once per bucket. Longer than
 * asked for; only the first `size` elements are meant.
 */
const scratch = new Map<string, Uint32Array>()
let scratchBytes = new Uint8Array(0)

function reused(name: string, size: number): Uint32Array {
  const found = scratch.get(name)
  if (found && found.length >= size) return found
  const made = new Uint32Array(Math.ceil(size * 1.25) + 16)
  scratch.set(name, made)
  return made
}

function reusedBytes(size: number): Uint8Array {
  if (scratchBytes.length < size)
    scratchBytes = new Uint8Array(Math.ceil(size * 1.25) + 16)
  return scratchBytes
}

/**
 * The term `bytes[start..end)` as a string when it is a word (for
 * prefixes); CJK terms are not, and are told by their first character
 * without decoding them.
 */
function wordOf(
  bytes: Uint8Array,
  start: number,
  end: number,
): string | undefined {
  if (bytes[start] >= 0x80 && isCjk(firstCodePoint(bytes, start)))
    return undefined
  let ascii = true
  for (let i = start; i < end; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false
      break
    }
  }
  return (ascii ? latin1 : decoder).decode(bytes.subarray(start, end))
}

/** The code point whose (valid) UTF-8 starts at `bytes[at]`. */
function firstCodePoint(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]
  if (lead < 0x80) return lead
  if (lead < 0xe0) return ((lead & 0x1f) << 6) | (bytes[at + 1] & 0x3f)
  if (lead < 0xf0)
    return (
      ((lead & 0x0f) << 12) |
      ((bytes[at + 1] & 0x3f) << 6) |
      (bytes[at + 2] & 0x3f)
    )
  return (
    ((lead & 0x07) << 18) |
    ((bytes[at + 1] & 0x3f) << 12) |
    ((bytes[at + 2] & 0x3f) << 6) |
    (bytes[at + 3] & 0x3f)
  )
}

function compareRanges(
  bytes: Uint8Array,
  a: number,
  aLength: number,
  b: number,
  bLength: number,
): number {
  const n = Math.min(aLength, bLength)
  for (let i = 0; i < n; i++) {
    const d = bytes[a + i] - bytes[b + i]
    if (d !== 0) return d
  }
  return aLength - bLength
}

type Parsed = {
  count: number
  doc: Uint32Array
  body: Uint32Array
  title: Uint32Array
  termOf: Uint32Array
  terms: number
  termStart: Int32Array
  termLength: Int32Array
  termHashes: Uint32Array
}

/**
 * Reads the records of a bucket and numbers its distinct terms (an open
 * addressing table keyed by term hash, terms compared byte by byte).
 */
function parseRecords(bytes: Uint8Array): Parsed {
  const capacity = Math.ceil(bytes.length / 5) + 1
  const doc = reused('doc', capacity)
  const body = reused('body', capacity)
  const title = reused('title', capacity)
  const termOf = reused('termOf', capacity)
  let termStart = new Int32Array(1024)
  let termLength = new Int32Array(1024)
  let termHashes = new Uint32Array(1024)
  let slots = new Int32Array(2048).fill(-1)
  let terms = 0
  let count = 0
  let at = 0
  const varint = () => {
    let value = 0
    let scale = 1
    for (;;) {
      const byte = bytes[at++]
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 0x80
    }
  }
  const same = (t: number, start: number, length: number) => {
    if (termLength[t] !== length) return false
    const other = termStart[t]
    for (let i = 0; i < length; i++) {
      if (bytes[other + i] !== bytes[start + i]) return false
    }
    return true
  }
  const grow = () => {
    const size = termStart.length * 2
    const grown = (a: Int32Array) => {
      const next = new Int32Array(size)
      next.set(a)
      return next
    }
    termStart = grown(termStart)
    termLength = grown(termLength)
    const hashes = new Uint32Array(size)
    hashes.set(termHashes)
    termHashes = hashes
    slots = new Int32Array(size * 2).fill(-1)
    const mask = slots.length - 1
    for (let t = 0; t < terms; t++) {
      let slot = termHashes[t] & mask
      while (slots[slot] >= 0) slot = (slot + 1) & mask
      slots[slot] = t
    }
  }
  while (at < bytes.length) {
    let length = bytes[at++]
    if (length >= 0x80) length = (length & 0x7f) | (bytes[at++] << 7)
    const start = at
    at += length
    const hash = termHash(bytes, start, at)
    const mask = slots.length - 1
    let slot = hash & mask
    let term = -1
    for (;;) {
      const found = slots[slot]
      if (found < 0) break
      if (termHashes[found] === hash && same(found, start, length)) {
        term = found
        break
      }
      slot = (slot + 1) & mask
    }
    if (term < 0) {
      if (terms === termStart.length) {
        grow()
        slot = hash & (slots.length - 1)
        while (slots[slot] >= 0) slot = (slot + 1) & (slots.length - 1)
      }
      term = terms++
      termStart[term] = start
      termLength[term] = length
      termHashes[term] = hash
      slots[slot] = term
    }
    termOf[count] = term
    doc[count] = varint()
    body[count] = varint()
    title[count] = varint()
    count++
  }
  return {
    count,
    doc,
    body,
    title,
    termOf,
    terms,
    termStart,
    termLength,
    termHashes,
  }
}
