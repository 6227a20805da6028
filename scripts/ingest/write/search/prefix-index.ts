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

/** Whether the prefix index lists `word` (found in `df` articles) at all. */
export function isCompletion(word: string, df: number): boolean {
  return df >= 2 && word.length >= MIN_PREFIX_LENGTH
}

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
    .filter((w) => isCompletion(w.word, w.df))
    .sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
  const entries = prefixEntries(known)
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

/** A start of words and the words it completes to, most frequent first. */
export type PrefixEntry = { prefix: string; completions: Completion[] }

/**
 * Every start (MIN_PREFIX_LENGTH to LONGEST_PREFIX characters) of the
 * words of `sorted` (sorted by word) with its most frequent completions:
 * one pass over the words, which keeps, for each length, the group of
 * words that share the current start and its best so far. A group ends
 * where a word no longer shares as many characters with the one before.
 * Entries come shortest prefix first, then in word order.
 */
export function prefixEntries(sorted: readonly Completion[]): PrefixEntry[] {
  const lengths = LONGEST_PREFIX - MIN_PREFIX_LENGTH + 1
  const byLength: PrefixEntry[][] = Array.from({ length: lengths }, () => [])
  const groups: Array<PrefixEntry | null> = new Array(lengths).fill(null)
  let previous = ''
  for (const candidate of sorted) {
    const { word } = candidate
    const shared = sharedStart(previous, word)
    for (let level = 0; level < lengths; level++) {
      const length = MIN_PREFIX_LENGTH + level
      if (shared < length) groups[level] = null
      if (word.length < length) continue
      let group = groups[level]
      if (!group) {
        group = { prefix: word.slice(0, length), completions: [] }
        groups[level] = group
        byLength[level].push(group)
      }
      const keep =
        length === LONGEST_PREFIX ? LONG_COMPLETIONS : SHORT_COMPLETIONS
      offer(group.completions, candidate, keep)
    }
    previous = word
  }
  return byLength.flat()
}

/** How many UTF-16 units `a` and `b` start with alike (at most LONGEST_PREFIX). */
function sharedStart(a: string, b: string): number {
  const n = Math.min(a.length, b.length, LONGEST_PREFIX)
  let i = 0
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return i
}

/**
 * Keeps `candidate` among the `keep` most frequent of `top` (most
 * frequent first; candidates come in word order, and at equal df an
 * earlier word stays first).
 */
function offer(top: Completion[], candidate: Completion, keep: number): void {
  if (top.length === keep && candidate.df <= top[keep - 1].df) return
  // After every kept word of at least its df: equal dfs stay in word order.
  let at = top.length
  while (at > 0 && top[at - 1].df < candidate.df) at--
  top.splice(at, 0, candidate)
  if (top.length > keep) top.pop()
}
