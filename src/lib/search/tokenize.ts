import { CJK_CHAR, foldCodePoint, WORD_CHAR } from './fold.ts'

/**
 * The one tokenizer of search, imported by the ingest (index terms) and by
 * the reader (query words, marks in titles and snippets).
 *
 * Text is read as a sequence of *units*: a Latin (or other alphabetic)
 * word, folded by fold.ts, or a single CJK character. The index holds
 * every word, every CJK character and every pair of CJK characters that
 * stand side by side in one run (overlapping bigrams): so any run of two
 * or more CJK characters in a text is found by the bigrams it contains.
 */

/** Longest word kept, in characters; longer ones are cut (both sides). */
export const MAX_WORD_LENGTH = 40

/**
 * Receives one unit: its folded `term`, where it is in the source text
 * (UTF-16 offsets, `end` exclusive), whether it is a CJK character, and
 * whether it continues the CJK run of the unit before it.
 */
export type UnitSink = (
  term: string,
  start: number,
  end: number,
  cjk: boolean,
  joined: boolean,
) => void

/** ASCII classes: 0 separator, 1 lower-case letter or digit, 2 upper-case. */
const ASCII = new Uint8Array(128)
for (let c = 0x30; c <= 0x39; c++) ASCII[c] = 1
for (let c = 0x61; c <= 0x7a; c++) ASCII[c] = 1
for (let c = 0x41; c <= 0x5a; c++) ASCII[c] = 2

/**
 * The common CJK blocks, U+3000–U+9FFF, whose characters fold to
 * themselves. countIndexTerms's integer key k < CJK_SPAN is the character
 * CJK_BASE + k; a larger one is the bigram of CJK_BASE + ⌊(k − CJK_SPAN) /
 * CJK_SPAN⌋ and CJK_BASE + (k − CJK_SPAN) mod CJK_SPAN (keyTerm).
 */
export const CJK_BASE = 0x3000
export const CJK_SPAN = 0x7000
const cjkStrings: string[] = new Array<string>(CJK_SPAN)

/** Whether `c` (a UTF-16 unit) is a CJK character that folds to itself. */
function isPlainCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3040 && c <= 0x30fe && c !== 0x30fb && (c < 0x309b || c > 0x309f))
  )
}

function cjkString(c: number): string {
  return (cjkStrings[c - CJK_BASE] ??= String.fromCharCode(c))
}

/** Calls `sink` for every unit of `text`, in order. */
export function forEachUnit(text: string, sink: UnitSink): void {
  const length = text.length
  let lastCjkEnd = -1
  let i = 0
  while (i < length) {
    const c = text.charCodeAt(i)
    if (c < 0x80) {
      if (ASCII[c] === 0) {
        i++
        continue
      }
      i = scanWord(text, i, sink)
      continue
    }
    if (isPlainCjk(c)) {
      sink(cjkString(c), i, i + 1, true, lastCjkEnd === i)
      lastCjkEnd = ++i
      continue
    }
    const cp = text.codePointAt(i) as number
    const size = cp > 0xffff ? 2 : 1
    const folded = foldCodePoint(cp)
    if (folded.kind === WORD_CHAR) {
      i = scanWord(text, i, sink)
      continue
    }
    if (folded.kind === CJK_CHAR) {
      sink(folded.text, i, i + size, true, lastCjkEnd === i)
      lastCjkEnd = i + size
    }
    i += size
  }
}

/**
 * Reads the word that starts at `start`, hands it to `sink` and returns
 * where it ends. ASCII words are sliced and lower-cased in one go; a word
 * with other characters is folded character by character.
 */
function scanWord(text: string, start: number, sink: UnitSink): number {
  const length = text.length
  let i = start
  let upper = false
  while (i < length) {
    const c = text.charCodeAt(i)
    if (c >= 0x80) break
    const kind = ASCII[c]
    if (kind === 0) break
    if (kind === 2) upper = true
    i++
  }
  if (i >= length || text.charCodeAt(i) < 0x80 || !continuesWord(text, i)) {
    let term = text.slice(start, i)
    if (upper) term = term.toLowerCase()
    emitWord(term, start, i, sink)
    return i
  }
  let term = text.slice(start, i).toLowerCase()
  while (i < length) {
    const c = text.charCodeAt(i)
    if (c < 0x80) {
      const kind = ASCII[c]
      if (kind === 0) break
      term += kind === 2 ? String.fromCharCode(c + 32) : text[i]
      i++
      continue
    }
    if (isPlainCjk(c)) break
    const cp = text.codePointAt(i) as number
    const folded = foldCodePoint(cp)
    if (folded.kind !== WORD_CHAR) break
    term += folded.text
    i += cp > 0xffff ? 2 : 1
  }
  emitWord(term, start, i, sink)
  return i
}

function continuesWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (isPlainCjk(c)) return false
  return foldCodePoint(text.codePointAt(i) as number).kind === WORD_CHAR
}

function emitWord(
  term: string,
  start: number,
  end: number,
  sink: UnitSink,
): void {
  if (term.length > MAX_WORD_LENGTH) term = term.slice(0, MAX_WORD_LENGTH)
  // A word of combining marks alone folds to nothing.
  if (term !== '') sink(term, start, end, false, false)
}

/** One unit, as `units` lists them. */
export type Unit = {
  term: string
  start: number
  end: number
  cjk: boolean
  joined: boolean
}

/** The units of `text` as an array (for queries and marks, not for bulk). */
export function units(text: string): Unit[] {
  const out: Unit[] = []
  forEachUnit(text, (term, start, end, cjk, joined) =>
    out.push({ term, start, end, cjk, joined }),
  )
  return out
}

/**
 * Calls `sink` with every index term of `text` in order: each word, each
 * CJK character, and each CJK bigram (after its second character).
 * Returns the text's length in units (words plus CJK characters), which
 * is the length BM25 normalises by.
 */
export function forEachIndexTerm(
  text: string,
  sink: (term: string) => void,
): number {
  let count = 0
  let previous = ''
  forEachUnit(text, (term, _start, _end, cjk, joined) => {
    count++
    sink(term)
    if (cjk) {
      if (joined) sink(previous + term)
      previous = term
    }
  })
  return count
}

/** The index terms of a run of CJK characters given as units. */
export function cjkRunTerms(chars: readonly string[]): string[] {
  if (chars.length === 1) return [chars[0]]
  const terms: string[] = []
  for (let i = 1; i < chars.length; i++) terms.push(chars[i - 1] + chars[i])
  return terms
}

/** Counts under integer keys (below 2^30). */
export type IntCounts = { add: (key: number, weight: number) => void }

/**
 * Index terms counted into maps, for the ingest: what forEachIndexTerm
 * yields, but CJK characters of U+3000–U+9FFF and their bigrams are
 * counted under integer keys (`keyTerm` turns one back into its term),
 * which saves a string per bigram. Each occurrence adds `weight`.
 * Returns the text's length in units.
 */
export function countIndexTerms(
  text: string,
  weight: number,
  ints: IntCounts,
  strings: Map<string, number>,
): number {
  let count = 0
  let previous = -1
  let previousTerm = ''
  forEachUnit(text, (term, _start, _end, cjk, joined) => {
    count++
    if (!cjk) {
      strings.set(term, (strings.get(term) ?? 0) + weight)
      return
    }
    const c = term.length === 1 ? term.charCodeAt(0) - CJK_BASE : -1
    const plain = c >= 0 && c < CJK_SPAN
    if (plain) ints.add(c, weight)
    else strings.set(term, (strings.get(term) ?? 0) + weight)
    if (joined) {
      if (plain && previous >= 0) {
        ints.add(CJK_SPAN + previous * CJK_SPAN + c, weight)
      } else {
        const pair = previousTerm + term
        strings.set(pair, (strings.get(pair) ?? 0) + weight)
      }
    }
    previous = plain ? c : -1
    previousTerm = term
  })
  return count
}

/** The term an integer key of countIndexTerms stands for. */
export function keyTerm(key: number): string {
  if (key < CJK_SPAN) return cjkString(key + CJK_BASE)
  const pair = key - CJK_SPAN
  return (
    cjkString(Math.floor(pair / CJK_SPAN) + CJK_BASE) +
    cjkString((pair % CJK_SPAN) + CJK_BASE)
  )
}
