import { MIN_PREFIX_LENGTH } from '../../../../src/lib/search/parse-query.ts'
import {
  encodePrefixShard,
  type Completion,
} from '../../../../src/lib/search/postings.ts'
import {
  LONGEST_PREFIX,
  shardOf,
  type ShardSpace,
} from '../../../../src/lib/search/search-schema.ts'
import type { SearchOutput } from './search-output.ts'
import { ShardSpaceWriter } from './shard-space.ts'

/** Completions kept for a shorter prefix, most frequent first. */
const SHORT_COMPLETIONS = 8
/** Completions kept for a prefix of LONGEST_PREFIX characters. */
const LONG_COMPLETIONS = 32
/** Prefix entries per shard, roughly (a shard is then ~2–4 KB). */
const ENTRIES_PER_SHARD = 128

/**
 * Writes the prefix shards: for every start (MIN_PREFIX_LENGTH to
 * LONGEST_PREFIX characters) of the words that occur in two or more
 * articles, the most frequent words it completes to. The reader looks up
 * the last word of a query being typed here. `words` need not be sorted.
 */
export function writePrefixIndex(
  writer: SearchOutput,
  words: Completion[],
): ShardSpace {
  const known = words
    .filter((w) => w.df >= 2 && w.word.length >= MIN_PREFIX_LENGTH)
    .sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
  const entries: Array<{ prefix: string; completions: Completion[] }> = []
  for (let length = MIN_PREFIX_LENGTH; length <= LONGEST_PREFIX; length++) {
    const keep =
      length === LONGEST_PREFIX ? LONG_COMPLETIONS : SHORT_COMPLETIONS
    let start = 0
    while (start < known.length) {
      const word = known[start].word
      if (word.length < length) {
        start++
        continue
      }
      const prefix = word.slice(0, length)
      let end = start + 1
      while (end < known.length && known[end].word.startsWith(prefix)) end++
      entries.push({ prefix, completions: best(known, start, end, keep) })
      start = end
    }
  }
  const bits = Math.max(
    0,
    Math.round(Math.log2(entries.length / ENTRIES_PER_SHARD)),
  )
  const shards = new Map<number, typeof entries>()
  for (const entry of entries) {
    const n = shardOf(entry.prefix, bits)
    const list = shards.get(n)
    if (list) list.push(entry)
    else shards.set(n, [entry])
  }
  const space = new ShardSpaceWriter(writer, 'prefixes', bits)
  for (const [n, list] of shards) {
    list.sort((a, b) => (a.prefix < b.prefix ? -1 : 1))
    space.write(n, encodePrefixShard(list))
  }
  return space.finish()
}

/**
 * The `keep` most frequent of `sorted[start..end)` (sorted by word),
 * most frequent first and, at equal df, in word order: one pass that
 * keeps the best so far, instead of sorting every word of a short prefix.
 */
function best(
  sorted: readonly Completion[],
  start: number,
  end: number,
  keep: number,
): Completion[] {
  const top: Completion[] = []
  for (let i = start; i < end; i++) {
    const candidate = sorted[i]
    if (top.length === keep && candidate.df <= top[keep - 1].df) continue
    // After every kept word of at least its df: equal dfs stay in word order.
    let at = top.length
    while (at > 0 && top[at - 1].df < candidate.df) at--
    top.splice(at, 0, candidate)
    if (top.length > keep) top.pop()
  }
  return top
}
