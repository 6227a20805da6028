import { findClauseAll } from '@/lib/search/match-text'
import type { ParsedQuery } from '@/lib/search/parse-query'
import { units } from '@/lib/search/tokenize'

/** A stretch of text to mark, as UTF-16 offsets (`end` exclusive). */
export type Range = { start: number; end: number }

/**
 * Where the query's included clauses stand in `text`: each word, each
 * phrase (side by side), each run of CJK characters, and for the word
 * being typed every word it starts. Sorted, overlaps merged.
 */
export function matchRanges(query: ParsedQuery, text: string): Range[] {
  const list = units(text)
  const ranges: Range[] = []
  for (const clause of query.clauses) {
    if (clause.exclude) continue
    const length = clause.units.length
    for (const at of findClauseAll(list, clause)) {
      ranges.push({ start: list[at].start, end: list[at + length - 1].end })
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Range[] = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && range.start <= last.end)
      last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }
  return merged
}

/** Characters of a snippet, and how many of them come before the first match. */
const SNIPPET_LENGTH = 160
const LEAD = 50

export type Snippet = {
  text: string
  ranges: Range[]
  before: boolean
  after: boolean
}

/**
 * A window of `text` around its first match, with the matches in it
 * (offsets into the window); the start of the text when nothing matches.
 * `before`/`after`: text was left out there (shown as an ellipsis).
 */
export function snippetOf(text: string, ranges: readonly Range[]): Snippet {
  let start = ranges.length > 0 ? Math.max(0, ranges[0].start - LEAD) : 0
  // Start at a word boundary when one is near.
  if (start > 0) {
    const space = text.indexOf(' ', start)
    if (
      space >= 0 &&
      space < start + 12 &&
      space < (ranges[0]?.start ?? Infinity)
    )
      start = space + 1
  }
  if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start--
  let end = Math.min(text.length, start + SNIPPET_LENGTH)
  if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end--
  const inside = ranges
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({
      start: Math.max(r.start, start) - start,
      end: Math.min(r.end, end) - start,
    }))
  return {
    text: text.slice(start, end),
    ranges: inside,
    before: start > 0,
    after: end < text.length,
  }
}
