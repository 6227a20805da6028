import { matchText, type ArticleText } from './match-text.ts'
import type { ParsedQuery } from './parse-query.ts'
import { idf } from './scoring.ts'
import { units } from './tokenize.ts'
import type { SortOrder } from './engine.ts'

/** One text that matched, by its place in the list given, and its score. */
export type TextHit = { index: number; score: number }

/**
 * Searches a few articles by their own text, without the index: the saved
 * articles, which the device keeps (a search of them works offline). The
 * same query language and matching as the engine's text checks
 * (`matchText`), and BM25 over this set: IDF from how many of these texts
 * hold each term, lengths normalised by their mean. `texts` come newest
 * first: `newest` keeps that order, and relevance's ties go to the newer.
 */
export function rankTexts(
  query: ParsedQuery,
  texts: readonly ArticleText[],
  sort: SortOrder = 'relevance',
): TextHit[] {
  if (query.problem || texts.length === 0) return []
  const terms = [
    ...new Set(query.clauses.filter((c) => !c.exclude).flatMap((c) => c.terms)),
  ]
  const lengths = texts.map((t) => units(t.title).length + units(t.text).length)
  const mean = lengths.reduce((a, b) => a + b, 0) / texts.length || 1
  const matches = texts.map((text) => matchText(query, text, terms, mean))
  const weights = new Map<string, number>()
  for (const term of terms) {
    const df = matches.filter((m) => (m.impacts.get(term) ?? 0) > 0).length
    weights.set(term, idf(df, texts.length) / 255)
  }
  const hits: TextHit[] = []
  matches.forEach((match, index) => {
    if (!match.matches) return
    let score = 0
    for (const term of terms)
      score += (weights.get(term) ?? 0) * (match.impacts.get(term) ?? 0)
    hits.push({ index, score })
  })
  if (sort === 'relevance')
    hits.sort((a, b) => b.score - a.score || a.index - b.index)
  return hits
}
