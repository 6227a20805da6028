export const SUMMARY_LENGTH = 160

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' })

const SENTENCE_END = /[。！？!?；;…]|[.](?=\s)/g
const CLAUSE_END = /[，、,：:]|\s/g

/**
 * Shortens plain text to about `max` characters (UTF-16 code units) for
 * cards and meta tags. It never splits a grapheme (so never a surrogate
 * pair), prefers to end after a sentence (。！？. ), then at a comma or
 * space, and only cuts mid-phrase when no boundary is in the last 40%.
 * Adds `…` when it cut anything.
 */
export function summarize(text: string, max = SUMMARY_LENGTH): string {
  if (text.length <= max) return text
  const head = graphemePrefix(text, max)
  const min = Math.floor(max * 0.6)
  const sentence = lastBoundary(head, SENTENCE_END, min)
  if (sentence > 0) return head.slice(0, sentence).trimEnd() + '…'
  const clause = lastBoundary(head, CLAUSE_END, min)
  if (clause > 0) return trimClause(head.slice(0, clause - 1)) + '…'
  return head.trimEnd() + '…'
}

/**
 * The longest prefix of whole graphemes within `max` code units. Fast path:
 * where the characters on both sides of the cut are plain (isPlain), the
 * cut is a grapheme boundary and Intl.Segmenter is not asked (it costs
 * ~15 µs a call; BENCHMARKS.md, fast paths). Equal to segmentedPrefix.
 */
export function graphemePrefix(text: string, max: number): string {
  if (text.length <= max) return text
  if (isSimpleBoundary(text, max)) return text.slice(0, max)
  return segmentedPrefix(text, max)
}

/** graphemePrefix by Intl.Segmenter alone: the reference, and the fallback. */
export function segmentedPrefix(text: string, max: number): string {
  if (text.length <= max) return text
  const from = Math.max(0, max - 32)
  let end = from
  const window = text.slice(from, max + 16)
  for (const { segment, index } of segmenter.segment(window)) {
    if (from + index + segment.length > max) break
    end = from + index + segment.length
  }
  return text.slice(0, end)
}

/**
 * Whether a cut before `at` can't split a grapheme: the characters on
 * both sides are plain BMP characters, not joiners, marks or selectors.
 */
function isSimpleBoundary(text: string, at: number): boolean {
  return isPlain(text.charCodeAt(at - 1)) && isPlain(text.charCodeAt(at))
}

function isPlain(code: number): boolean {
  if (code < 0x300) return true
  if (code >= 0xd800 && code <= 0xdfff) return false // surrogates
  if (code >= 0x300 && code <= 0x36f) return false // combining marks
  if (code >= 0x1100 && code <= 0x11ff) return false // Hangul jamo
  if (code >= 0x200c && code <= 0x200d) return false // ZWNJ, ZWJ
  if (code >= 0xfe00 && code <= 0xfe0f) return false // variation selectors
  if (code >= 0x20d0 && code <= 0x20ff) return false // combining for symbols
  if (code >= 0x0900 && code <= 0x0dff) return false // Indic scripts
  if (code >= 0x0e00 && code <= 0x0eff) return false // Thai, Lao
  return code < 0x3099 || code > 0x309a // kana voicing marks
}

/** End index just after the last `pattern` match at or after `min`, or -1. */
function lastBoundary(head: string, pattern: RegExp, min: number): number {
  let found = -1
  for (const match of head.matchAll(pattern)) {
    if (match.index >= min) found = match.index + match[0].length
  }
  return found
}

function trimClause(text: string): string {
  return text.replace(/[\s，、,：:]+$/u, '')
}
