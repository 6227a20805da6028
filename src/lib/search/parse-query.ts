import { cjkRunTerms, units, type Unit } from './tokenize.ts'

/**
 * The query language: words are ANDed; `"a quoted phrase"` matches
 * adjacent words; `-word` (or `-"a phrase"`) excludes; while typing (no
 * space after it yet) the last Latin word matches as a prefix. Inside an
 * unquoted word, `node.js` or `e-mail` is a phrase of its parts, and a
 * run of CJK characters is a phrase of its bigrams. Never throws: any
 * string gives a query, possibly an empty one with a `problem`.
 */

/** Longest query read, in UTF-16 code units; the rest is cut off. */
export const MAX_QUERY_LENGTH = 256
/** Most clauses read; later ones are dropped. */
export const MAX_CLAUSES = 12
/** Shortest last word that matches as a prefix. */
export const MIN_PREFIX_LENGTH = 2

export type Clause = {
  /** The clause's units, in order (words and CJK characters). */
  units: Unit[]
  /**
   * The index terms that must all be present: words, CJK bigrams (a
   * single CJK character stands for itself).
   */
  terms: string[]
  /** The terms must also stand side by side, in order. */
  phrase: boolean
  /** Written in quotes. */
  quoted: boolean
  exclude: boolean
  /** The last term is the start of a word (the reader is still typing it). */
  prefix: boolean
}

export type QueryProblem = 'empty' | 'no-words' | 'only-excluded'

export type ParsedQuery = {
  /** The query as read (cut to MAX_QUERY_LENGTH). */
  text: string
  clauses: Clause[]
  /** Part of the query was left out (too long, too many clauses). */
  truncated: boolean
  /** Why there is nothing to search for, when there is not. */
  problem?: QueryProblem
}

/** Characters that join two words into one phrase (`node.js`, `e-mail`). */
const CONNECTORS = new Set([
  '.',
  '-',
  '_',
  "'",
  '’',
  '/',
  ':',
  '+',
  '#',
  '@',
  '&',
])

type Chunk = { text: string; offset: number; quoted: boolean; exclude: boolean }

/** Reads a query string into clauses. */
export function parseQuery(input: string): ParsedQuery {
  let text = input
  let truncated = false
  if (text.length > MAX_QUERY_LENGTH) {
    let cut = MAX_QUERY_LENGTH
    // Never cut a surrogate pair in two.
    if (/[\ud800-\udbff]/.test(text[cut - 1])) cut--
    text = text.slice(0, cut)
    truncated = true
  }
  const clauses: Clause[] = []
  for (const chunk of splitChunks(text)) {
    for (const group of groupUnits(chunk)) {
      clauses.push(toClause(group, chunk))
    }
  }
  if (clauses.length > MAX_CLAUSES) {
    clauses.length = MAX_CLAUSES
    truncated = true
  }
  markPrefix(clauses, text, truncated)
  return { text, clauses, truncated, ...problemOf(text, clauses) }
}

/** Splits at spaces, keeping quoted phrases whole; notes `-` before each. */
function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = []
  let i = 0
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++
    if (i >= text.length) break
    let exclude = false
    if (text[i] === '-' && i + 1 < text.length && !/\s/.test(text[i + 1])) {
      exclude = true
      i++
    }
    if (text[i] === '"' || text[i] === '“' || text[i] === '”') {
      const close = findClose(text, i + 1)
      chunks.push({
        text: text.slice(i + 1, close),
        offset: i + 1,
        quoted: true,
        exclude,
      })
      i = close + 1
      continue
    }
    let end = i
    while (end < text.length && !/\s/.test(text[end]) && !isQuote(text[end]))
      end++
    chunks.push({ text: text.slice(i, end), offset: i, quoted: false, exclude })
    i = end
  }
  return chunks
}

function isQuote(ch: string): boolean {
  return ch === '"' || ch === '“' || ch === '”'
}

/** The closing quote after `from`, or the end (an unbalanced quote). */
function findClose(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isQuote(text[i])) return i
  return text.length
}

/**
 * A quoted chunk is one phrase. An unquoted one is split where its units
 * do not touch (`人工智能，机器学习` is two clauses), except that words
 * joined by a connector (`node.js`) stay one phrase.
 */
function groupUnits(chunk: Chunk): Unit[][] {
  const list = units(chunk.text)
  if (list.length === 0) return []
  if (chunk.quoted) return [list]
  const groups: Unit[][] = [[list[0]]]
  for (let i = 1; i < list.length; i++) {
    const before = list[i - 1]
    const unit = list[i]
    const gap = chunk.text.slice(before.end, unit.start)
    const joined =
      gap === '' ||
      (gap.length === 1 && CONNECTORS.has(gap) && !before.cjk && !unit.cjk)
    if (joined) groups[groups.length - 1].push(unit)
    else groups.push([unit])
  }
  return groups
}

function toClause(group: Unit[], chunk: Chunk): Clause {
  const terms: string[] = []
  let run: string[] = []
  const endRun = () => {
    if (run.length > 0) terms.push(...cjkRunTerms(run))
    run = []
  }
  for (const unit of group) {
    if (!unit.cjk) {
      endRun()
      terms.push(unit.term)
      continue
    }
    if (!unit.joined) endRun()
    run.push(unit.term)
  }
  endRun()
  const shifted = group.map((u) => ({
    ...u,
    start: u.start + chunk.offset,
    end: u.end + chunk.offset,
  }))
  return {
    units: shifted,
    terms,
    phrase: terms.length > 1,
    quoted: chunk.quoted,
    exclude: chunk.exclude,
    prefix: false,
  }
}

/**
 * The last clause's last word is a prefix while it is being typed: the
 * query does not end in a space or a quote, the clause is neither quoted
 * nor excluded, and the word is long enough to be worth completing.
 */
function markPrefix(clauses: Clause[], text: string, truncated: boolean): void {
  const last = clauses.at(-1)
  if (!last || last.exclude || last.quoted || truncated) return
  const unit = last.units.at(-1)
  if (!unit || unit.cjk || unit.end !== text.length) return
  if (unit.term.length < MIN_PREFIX_LENGTH) return
  last.prefix = true
}

function problemOf(
  text: string,
  clauses: Clause[],
): { problem?: QueryProblem } {
  if (clauses.some((c) => !c.exclude)) return {}
  if (clauses.length > 0) return { problem: 'only-excluded' }
  return { problem: text.trim() === '' ? 'empty' : 'no-words' }
}
