import type { IndexReader } from './index-reader.ts'
import type { ParsedQuery } from './parse-query.ts'
import type { TermEntry } from './postings.ts'
import { idf } from './scoring.ts'

/** Completions of a word being typed that a query also looks for. */
export const PREFIX_COMPLETIONS = 2

/**
 * One term of the query as the engine follows it: its postings as far as
 * they are loaded (docnum → impact), and the best impact of what is not.
 */
export class Alternative {
  readonly term: string
  readonly entry: TermEntry
  /** BM25 IDF over 255: a posting's score is `weight × impact`. */
  readonly weight: number
  readonly impacts = new Map<number, number>()
  private loadedTiers = 0

  constructor(term: string, entry: TermEntry, docs: number) {
    this.term = term
    this.entry = entry
    this.weight = idf(entry.df, docs) / 255
    this.add(entry.top.docs, entry.top.impacts)
  }

  private add(docs: Uint32Array, impacts: Uint8Array): void {
    for (let i = 0; i < docs.length; i++) this.impacts.set(docs[i], impacts[i])
  }

  get complete(): boolean {
    return this.loadedTiers === this.entry.tiers.length
  }

  /** The best impact among postings not loaded yet (0 when all are). */
  get threshold(): number {
    return this.entry.tiers[this.loadedTiers]?.max ?? 0
  }

  /** Postings in the next tier (0 when all are loaded). */
  get nextCount(): number {
    return this.entry.tiers[this.loadedTiers]?.count ?? 0
  }

  /** Loads the next tier. */
  async deepen(reader: IndexReader): Promise<void> {
    const tier = this.entry.tiers[this.loadedTiers]
    if (!tier) return
    const postings = await reader.tier(tier.hash)
    // Another call may have loaded it meanwhile.
    if (this.entry.tiers[this.loadedTiers] !== tier) return
    this.add(postings.docs, postings.impacts)
    this.loadedTiers++
  }
}

/**
 * One thing every hit must contain: a term, or for the word being typed,
 * the word itself or one of its most frequent completions (any counts, the
 * best scores).
 */
export type Need = { alternatives: Alternative[] }

export type QueryPlan = {
  needs: Need[]
  /** Single excluded terms the index knows (phrases are checked in the text). */
  excluded: Alternative[]
  /** Some clause can only be decided in the text (a phrase, an excluded phrase). */
  textChecks: boolean
  /** Every term asked for, alternatives and exclusions included. */
  terms: string[]
  /** A term that must be present is in no article: nothing can match. */
  impossible: boolean
}

/** Looks up every term of `query` (in parallel) and lays out what a hit needs. */
export async function planQuery(
  reader: IndexReader,
  query: ParsedQuery,
): Promise<QueryPlan> {
  const docs = reader.meta.docs
  const alternative = async (term: string) => {
    const entry = await reader.term(term)
    return entry ? new Alternative(term, entry, docs) : undefined
  }
  const needs: Array<Promise<Need>> = []
  const excluded: Array<Promise<Alternative | undefined>> = []
  let textChecks = false
  for (const clause of query.clauses) {
    if (clause.exclude) {
      if (clause.phrase) textChecks = true
      else excluded.push(alternative(clause.terms[0]))
      continue
    }
    if (clause.phrase) textChecks = true
    clause.terms.forEach((term, i) => {
      const typing = clause.prefix && i === clause.terms.length - 1
      // The word itself is looked up at once, beside its completions
      // (two round trips of their own), not after them.
      const own = alternative(term)
      const others = typing
        ? completionsOf(reader, term).then((list) =>
            Promise.all(list.map(alternative)),
          )
        : Promise.resolve([])
      needs.push(
        Promise.all([own, others]).then(([first, rest]) => ({
          alternatives: [first, ...rest].filter(
            (a): a is Alternative => a !== undefined,
          ),
        })),
      )
    })
  }
  const plan = {
    needs: await Promise.all(needs),
    excluded: (await Promise.all(excluded)).filter(
      (a): a is Alternative => a !== undefined,
    ),
    textChecks,
  }
  const terms = [
    ...plan.needs.flatMap((n) => n.alternatives.map((a) => a.term)),
    ...plan.excluded.map((a) => a.term),
  ]
  const impossible =
    plan.needs.length === 0 ||
    plan.needs.some((n) => n.alternatives.length === 0)
  return { ...plan, terms, impossible }
}

/** The PREFIX_COMPLETIONS most frequent completions of the word being typed (not itself). */
async function completionsOf(
  reader: IndexReader,
  prefix: string,
): Promise<string[]> {
  const completions = await reader.completions(prefix)
  return completions
    .map((c) => c.word)
    .filter((word) => word !== prefix)
    .slice(0, PREFIX_COMPLETIONS)
}
