import type { Clause, ParsedQuery } from './parse-query.ts'
import { impactOf } from './scoring.ts'
import { forEachIndexTerm, units, type Unit } from './tokenize.ts'

/**
 * A query checked against one article's own text (its title and plain
 * text, as the ingest indexed them): what the index alone cannot tell —
 * that a phrase's words stand side by side, that an excluded word is
 * absent — and each term's exact impact, for terms whose postings were
 * not loaded.
 */
export type TextMatch = {
  /** Every included clause is there (phrases in order), no excluded one is. */
  matches: boolean
  /** Impact (0–255) of each term asked for; 0 when the article lacks it. */
  impacts: Map<string, number>
}

/** An article's title and plain text. */
export type ArticleText = { title: string; text: string }

type Field = { units: Unit[] }

/**
 * Checks `query` against an article and computes the impacts of `terms`
 * (the query's terms and prefix completions) as the ingest would have.
 */
export function matchText(
  query: ParsedQuery,
  article: ArticleText,
  terms: Iterable<string>,
  avgUnits: number,
): TextMatch {
  const wanted = new Set(terms)
  const titleCounts = countTerms(article.title, wanted)
  const bodyCounts = countTerms(article.text, wanted)
  const length = titleCounts.units + bodyCounts.units
  const impacts = new Map<string, number>()
  for (const term of wanted) {
    const title = titleCounts.counts.get(term) ?? 0
    const body = bodyCounts.counts.get(term) ?? 0
    impacts.set(
      term,
      title + body > 0 ? impactOf(title, body, length, avgUnits) : 0,
    )
  }
  const fields: Field[] = [
    { units: units(article.title) },
    { units: units(article.text) },
  ]
  const present = (clause: Clause) =>
    fields.some((field) => findClause(field.units, clause) >= 0)
  const matches = query.clauses.every(
    (clause) => present(clause) !== clause.exclude,
  )
  return { matches, impacts }
}

function countTerms(text: string, wanted: ReadonlySet<string>) {
  const counts = new Map<string, number>()
  const length = forEachIndexTerm(text, (term) => {
    if (wanted.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1)
  })
  return { counts, units: length }
}

/**
 * Where the clause's units first stand in `list`, side by side and in
 * order (CJK characters in one run), or -1. A prefix clause's last word
 * matches any word it starts.
 */
export function findClause(list: readonly Unit[], clause: Clause): number {
  return findClauseFrom(list, clause, 0)
}

/** Every place the clause stands in `list` (starts, ascending, possibly overlapping). */
export function findClauseAll(list: readonly Unit[], clause: Clause): number[] {
  const found: number[] = []
  for (
    let at = findClauseFrom(list, clause, 0);
    at >= 0;
    at = findClauseFrom(list, clause, at + 1)
  ) {
    found.push(at)
  }
  return found
}

function findClauseFrom(
  list: readonly Unit[],
  clause: Clause,
  from: number,
): number {
  const wanted = clause.units
  const last = wanted.length - 1
  outer: for (let i = from; i + last < list.length; i++) {
    for (let k = 0; k <= last; k++) {
      const unit = list[i + k]
      const want = wanted[k]
      if (unit.cjk !== want.cjk) continue outer
      const same =
        k === last && clause.prefix
          ? unit.term.startsWith(want.term)
          : unit.term === want.term
      if (!same) continue outer
      // Where the query's CJK run goes on, the text's must too.
      if (k > 0 && want.joined && !unit.joined) continue outer
    }
    return i
  }
  return -1
}
