import { createRandom, type Random } from '../../demo/prng.ts'

/**
 * Text with a Zipf-like vocabulary for the search benchmark: word ranks
 * drawn with P(rank r) ∝ 1 / r^1.05, plus topics (each article leans on a
 * few hundred topic words, as news does), in English and Chinese. Not the
 * demo corpus's phrase banks: those repeat a few hundred sentences, which
 * would make every term common. Deterministic for a seed.
 */

/** Samples ranks 0..size-1 with P(r) ∝ 1/(r+1)^s (inverse CDF on a table). */
export function zipfSampler(
  size: number,
  s: number,
): (random: Random) => number {
  const cdf = new Float64Array(size)
  let sum = 0
  for (let r = 0; r < size; r++) {
    sum += 1 / Math.pow(r + 1, s)
    cdf[r] = sum
  }
  return (random) => {
    const x = random.next() * sum
    let lo = 0
    let hi = size - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cdf[mid] < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

const CONSONANTS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'st',
  'tr',
  'ch',
  'sh',
  'pl',
  'gr',
  'br',
  'th',
]
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io', 'y']

/** `size` distinct English-looking words; short ones first (they are the common ones). */
export function englishVocabulary(size: number, seed: string): string[] {
  const random = createRandom(`${seed}:en`)
  const seen = new Set<string>()
  const words: string[] = []
  while (words.length < size) {
    const rank = words.length
    const syllables =
      1 +
      Math.min(4, Math.floor(Math.log10(rank + 10) - 0.5 + random.next() * 1.5))
    let word = ''
    for (let i = 0; i < syllables; i++)
      word += random.pick(CONSONANTS) + random.pick(VOWELS)
    if (random.chance(0.4))
      word += random.pick(['n', 's', 'r', 'l', 'ng', 'd', 't'])
    if (seen.has(word)) continue
    seen.add(word)
    words.push(word)
  }
  return words
}

/** Common Han characters: a fixed pseudo-random pick from U+4E00–U+9FA5. */
function hanCharacters(count: number, random: Random): string[] {
  const chosen = new Set<number>()
  while (chosen.size < count)
    chosen.add(0x4e00 + random.int(0, 0x9fa5 - 0x4e00))
  return [...chosen].map((cp) => String.fromCodePoint(cp))
}

/**
 * `size` distinct Chinese "words" of 1–4 characters built from 3,500
 * characters that are themselves Zipf-distributed, so common characters
 * recur across words the way 的, 中 and 国 do.
 */
export function chineseVocabulary(size: number, seed: string): string[] {
  const random = createRandom(`${seed}:zh`)
  const chars = hanCharacters(3500, random)
  const pickChar = zipfSampler(chars.length, 0.9)
  const seen = new Set<string>()
  const words: string[] = []
  while (words.length < size) {
    const x = random.next()
    const length =
      words.length < 40 ? 1 : x < 0.12 ? 1 : x < 0.78 ? 2 : x < 0.9 ? 3 : 4
    let word = ''
    for (let i = 0; i < length; i++) word += chars[pickChar(random)]
    if (seen.has(word)) continue
    seen.add(word)
    words.push(word)
  }
  return words
}

export type Language = 'en' | 'zh'

/** Draws words for one language: global Zipf, with a share from the article's topic. */
export class WordSource {
  readonly words: string[]
  private readonly global: (random: Random) => number
  private readonly topics: number[][]
  private readonly inTopic: (random: Random) => number

  constructor(words: string[], topicCount: number, seed: string) {
    this.words = words
    this.global = zipfSampler(words.length, 1.05)
    const random = createRandom(`${seed}:topics`)
    // Topic words come from the middle of the ranks: not the function
    // words at the top, not the hapaxes at the bottom.
    this.topics = Array.from({ length: topicCount }, () =>
      Array.from({ length: 300 }, () =>
        random.int(80, Math.min(words.length - 1, 30000)),
      ),
    )
    this.inTopic = zipfSampler(300, 0.8)
  }

  /** One word for an article of topic `topic`. */
  word(random: Random, topic: number): string {
    if (random.chance(0.25))
      return this.words[this.topics[topic][this.inTopic(random)]]
    return this.words[this.global(random)]
  }
}

/** A log-normal length with the given median, cut to [min, max]. */
export function lengthOf(
  random: Random,
  median: number,
  min: number,
  max: number,
): number {
  const u = Math.max(1e-9, random.next())
  const v = random.next()
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  return Math.round(
    Math.min(max, Math.max(min, median * Math.exp(0.75 * normal))),
  )
}
