import { expect, test } from 'vitest'
import { MIN_PREFIX_LENGTH } from '../../../../src/lib/search/parse-query.ts'
import type { Completion } from '../../../../src/lib/search/postings.ts'
import { LONGEST_PREFIX } from '../../../../src/lib/search/search-schema.ts'
import { createRandom } from '../../../demo/prng.ts'
import { prefixEntries, type PrefixEntry } from './prefix-index.ts'

/**
 * The plain way, as the prefix index was first written: for each length,
 * every run of sorted words that share a start, its words sorted by df
 * (stable, so equal dfs keep word order) and cut to the number kept.
 */
function oracle(sorted: readonly Completion[]): PrefixEntry[] {
  const entries: PrefixEntry[] = []
  for (let length = MIN_PREFIX_LENGTH; length <= LONGEST_PREFIX; length++) {
    const keep = length === LONGEST_PREFIX ? 32 : 8
    let start = 0
    while (start < sorted.length) {
      const { word } = sorted[start]
      if (word.length < length) {
        start++
        continue
      }
      const prefix = word.slice(0, length)
      let end = start + 1
      while (end < sorted.length && sorted[end].word.startsWith(prefix)) end++
      const completions = sorted
        .slice(start, end)
        .sort((a, b) => b.df - a.df)
        .slice(0, keep)
      entries.push({ prefix, completions })
      start = end
    }
  }
  return entries
}

/** Distinct words over a small alphabet (shared starts, short words, ties in df). */
function randomWords(seed: string, count: number): Completion[] {
  const random = createRandom(seed)
  const letters = ['a', 'b', 'c', 'é', 'ж', 'ß', '1']
  const words = new Map<string, number>()
  while (words.size < count) {
    let word = ''
    const length = random.int(1, 9)
    for (let i = 0; i < length; i++) word += letters[random.int(0, 2 + (i % 5))]
    words.set(word, random.int(1, 6))
  }
  return [...words]
    .map(([word, df]) => ({ word, df }))
    .sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
}

test('one pass over the sorted words gives what the plain way gives', () => {
  for (const [seed, count] of [
    ['small', 40],
    ['dense', 1500],
    ['wide', 4000],
  ] as const) {
    const words = randomWords(seed, count)
    const entries = prefixEntries(words)
    expect(entries.length).toBeGreaterThan(0)
    expect(entries).toEqual(oracle(words))
  }
})

test('a prefix keeps its most frequent words, earlier words first at equal df', () => {
  const words: Completion[] = [
    { word: 'data', df: 3 },
    { word: 'database', df: 9 },
    { word: 'dataset', df: 3 },
    { word: 'date', df: 9 },
    { word: 'do', df: 1 },
  ]
  const of = (prefix: string) =>
    prefixEntries(words)
      .find((entry) => entry.prefix === prefix)
      ?.completions.map((c) => c.word)
  expect(of('da')).toEqual(['database', 'date', 'data', 'dataset'])
  expect(of('data')).toEqual(['database', 'data', 'dataset'])
  expect(of('datab')).toEqual(['database'])
  expect(of('do')).toEqual(['do'])
  expect(of('dat')).toEqual(['database', 'date', 'data', 'dataset'])
})
