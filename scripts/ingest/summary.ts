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

/** The longest prefix of whole graphemes within `max` code units. */
export function graphemePrefix(text: string, max: number): string {
  let end = 0
  for (const { segment, index } of segmenter.segment(text.slice(0, max + 16))) {
    if (index + segment.length > max) break
    end = index + segment.length
  }
  return text.slice(0, end)
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
