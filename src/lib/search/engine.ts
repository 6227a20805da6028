import type { IndexReader } from './index-reader.ts'
import { matchText, type ArticleText, type TextMatch } from './match-text.ts'
import type { ParsedQuery } from './parse-query.ts'
import {
  planQuery,
  type Alternative,
  type Need,
  type QueryPlan,
} from './query-plan.ts'

/**
 * The query engine: pure (no DOM), it runs in the browser, the tests and
 * the benchmark. It finds the best hits first while loading as little as
 * it can — an impact-ordered threshold algorithm over tiered postings:
 * every term's best postings come with its shard; a hit is given once no
 * article it has not seen, and none it knows only in part, could score
 * higher. To settle an article known in part it loads a term's next tier
 * or, when that would cost more, reads the article's own text (which a
 * result shows anyway): the text also decides phrases and exclusions.
 */

export type SortOrder = 'relevance' | 'newest'

export type SearchOptions = {
  sort?: SortOrder
  /** Only articles of this category node (and its descendants), by key. */
  category?: string
  /** An article's title and plain text, by docnum. */
  text: (docnum: number) => Promise<ArticleText>
}

export type Hit = { docnum: number; score: number }

/** How many articles match: exact, or an estimate until the engine knows. */
export type Estimate = { count: number; exact: boolean }

/** Articles read at once to settle what the index alone cannot. */
const TEXT_BATCH = 6
/**
 * Articles one call of `next` reads at most (see `paused`): a phrase whose
 * words are each common but rare together would otherwise read hundreds
 * of candidates before a first screen (decision 022).
 */
export const READ_BUDGET = 24
/** Bytes of one article's file, roughly, to weigh reading texts against loading tiers. */
const ARTICLE_BYTES = 3000
/** Bytes per posting in a tier file, roughly. */
const POSTING_BYTES = 2

type Bounds = {
  /** The article cannot match. */
  out: boolean
  /** Its score is known (every need present, every alternative settled). */
  exact: boolean
  /** Every need is known to be present (the score may not be exact). */
  member: boolean
  lower: number
  upper: number
}

export class Search {
  private readonly reader: IndexReader
  private readonly query: ParsedQuery
  private readonly options: SearchOptions
  private plan: QueryPlan | undefined
  private inCategory: Uint8Array | undefined
  private categorySize = 0
  private readonly emitted = new Set<number>()
  private readonly rejected = new Set<number>()
  private readonly texts = new Map<number, TextMatch>()
  private finished = false
  private readsLeft = Infinity
  private stopped = false

  private constructor(
    reader: IndexReader,
    query: ParsedQuery,
    options: SearchOptions,
  ) {
    this.reader = reader
    this.query = query
    this.options = options
  }

  /** Looks up the query's terms and category; hits come from `next`. */
  static async start(
    reader: IndexReader,
    query: ParsedQuery,
    options: SearchOptions,
  ): Promise<Search> {
    const search = new Search(reader, query, options)
    if (query.problem) {
      search.finished = true
      return search
    }
    const [plan, category] = await Promise.all([
      planQuery(reader, query),
      options.category === undefined
        ? undefined
        : reader.category(options.category),
    ])
    search.plan = plan
    if (category) {
      search.inCategory = new Uint8Array(reader.meta.docs)
      for (const doc of category) search.inCategory[doc] = 1
      search.categorySize = category.length
    }
    if (plan.impossible || (search.categorySize === 0 && category))
      search.finished = true
    return search
  }

  /** No hits are left. */
  get done(): boolean {
    return this.finished
  }

  /**
   * The last `next` stopped early: it read its budget of articles (a later
   * call carries on from there).
   */
  get paused(): boolean {
    return this.stopped
  }

  /** Articles read so far to check what the index alone cannot tell. */
  get checked(): number {
    return this.texts.size
  }

  /**
   * The next `count` hits (fewer at the end, or when it has read
   * `readBudget` articles: then `paused`), best (or newest) first. When a
   * file fails to load it throws, and a later call carries on from the
   * same place (nothing of the failed call counts as given).
   */
  async next(count: number, readBudget = READ_BUDGET): Promise<Hit[]> {
    const hits: Hit[] = []
    this.readsLeft = readBudget
    this.stopped = false
    try {
      while (hits.length < count && !this.finished) {
        if (this.readsLeft <= 0) {
          this.stopped = true
          break
        }
        const step =
          this.options.sort === 'newest'
            ? await this.stepNewest(count - hits.length)
            : await this.stepBest(count - hits.length)
        for (const hit of step) this.emitted.add(hit.docnum)
        hits.push(...step)
      }
    } catch (error) {
      for (const hit of hits) this.emitted.delete(hit.docnum)
      throw error
    }
    return hits
  }

  /** The number of matches, exact once every candidate is settled. */
  estimate(): Estimate {
    const plan = this.plan
    if (!plan || plan.impossible) return { count: 0, exact: true }
    const settled = this.emitted.size
    if (this.finished) return { count: settled, exact: true }
    const docs = this.reader.meta.docs
    const driver = this.driver(plan)
    const driverDf = driver.alternatives.reduce((sum, a) => sum + a.entry.df, 0)
    const share = this.inCategory ? this.categorySize / Math.max(1, docs) : 1
    const single =
      plan.needs.length === 1 &&
      driver.alternatives.length === 1 &&
      !plan.textChecks &&
      plan.excluded.length === 0
    if (single && !this.inCategory) return { count: driverDf, exact: true }
    // The share of the driver's articles seen so far that matched.
    let seen = 0
    let matched = 0
    for (const doc of this.candidates(plan, driver)) {
      const bounds = this.bounds(doc, plan)
      if (bounds.out) seen++
      else if (bounds.member) {
        seen++
        matched++
      }
    }
    for (const doc of this.rejected) if (this.inDriver(driver, doc)) seen++
    seen += this.emitted.size
    matched += this.emitted.size
    let rate: number
    if (seen >= 10) rate = matched / seen
    else {
      rate = share
      for (const need of plan.needs) {
        if (need === driver) continue
        const df = need.alternatives.reduce((sum, a) => sum + a.entry.df, 0)
        rate *= Math.min(1, df / Math.max(1, docs))
      }
    }
    return {
      count: Math.max(settled, Math.round(driverDf * rate)),
      exact: false,
    }
  }

  /** The need with the fewest postings: every hit is among its articles. */
  private driver(plan: QueryPlan): Need {
    let best = plan.needs[0]
    let bestDf = Infinity
    for (const need of plan.needs) {
      const df = need.alternatives.reduce((sum, a) => sum + a.entry.df, 0)
      if (df < bestDf) {
        best = need
        bestDf = df
      }
    }
    return best
  }

  private inDriver(driver: Need, doc: number): boolean {
    return driver.alternatives.some((a) => a.impacts.has(doc))
  }

  /** Articles seen in the loaded postings that may still be hits. */
  private *candidates(plan: QueryPlan, driver?: Need): Generator<number> {
    const complete = plan.needs.find((n) =>
      n.alternatives.every((a) => a.complete),
    )
    const sources = driver ? [driver] : complete ? [complete] : plan.needs
    const visited = new Set<number>()
    for (const need of sources) {
      for (const alternative of need.alternatives) {
        for (const doc of alternative.impacts.keys()) {
          if (visited.has(doc)) continue
          visited.add(doc)
          if (this.emitted.has(doc) || this.rejected.has(doc)) continue
          if (this.inCategory && this.inCategory[doc] === 0) continue
          yield doc
        }
      }
    }
  }

  /** What the loaded postings (and any text read) say about one article. */
  private bounds(doc: number, plan: QueryPlan): Bounds {
    const text = this.texts.get(doc)
    if (text) {
      if (!text.matches)
        return { out: true, exact: true, member: false, lower: 0, upper: 0 }
      let score = 0
      for (const need of plan.needs) {
        let best = 0
        for (const a of need.alternatives)
          best = Math.max(best, a.weight * (text.impacts.get(a.term) ?? 0))
        if (best === 0)
          return { out: true, exact: true, member: false, lower: 0, upper: 0 }
        score += best
      }
      return {
        out: false,
        exact: true,
        member: true,
        lower: score,
        upper: score,
      }
    }
    for (const a of plan.excluded) {
      if (a.impacts.has(doc))
        return { out: true, exact: true, member: false, lower: 0, upper: 0 }
    }
    let lower = 0
    let upper = 0
    let exact = true
    let member = true
    for (const need of plan.needs) {
      let known = 0
      let unknown = 0
      let present = false
      for (const a of need.alternatives) {
        const impact = a.impacts.get(doc)
        if (impact !== undefined) {
          present = true
          known = Math.max(known, a.weight * impact)
        } else if (!a.complete)
          unknown = Math.max(unknown, a.weight * a.threshold)
      }
      if (!present && unknown === 0)
        return { out: true, exact: true, member: false, lower: 0, upper: 0 }
      if (!present) member = false
      if (!present || unknown > known) exact = false
      lower += known
      upper += Math.max(known, unknown)
    }
    return { out: false, exact, member, lower, upper }
  }

  /** Whether a hit still has to be read (a phrase, an exclusion the index cannot settle). */
  private needsText(doc: number, plan: QueryPlan): boolean {
    if (this.texts.has(doc)) return false
    if (plan.textChecks) return true
    return plan.excluded.some((a) => !a.complete && !a.impacts.has(doc))
  }

  /** The best possible score of an article no loaded posting names. */
  private unseenBound(plan: QueryPlan): number {
    let bound = 0
    for (const need of plan.needs) {
      let best = 0
      let open = false
      for (const a of need.alternatives) {
        if (a.complete) continue
        open = true
        best = Math.max(best, a.weight * a.threshold)
      }
      if (!open) return -Infinity
      bound += best
    }
    return bound
  }

  private async readTexts(docs: number[], plan: QueryPlan): Promise<void> {
    this.readsLeft -= docs.length
    const { avg_units: avgUnits } = this.reader.meta
    const texts = await Promise.all(docs.map((doc) => this.options.text(doc)))
    docs.forEach((doc, i) =>
      this.texts.set(
        doc,
        matchText(this.query, texts[i], plan.terms, avgUnits),
      ),
    )
  }

  /** Relevance: hits whose place is certain, or one step towards them. */
  private async stepBest(wanted: number): Promise<Hit[]> {
    const plan = this.plan as QueryPlan
    const ready: Array<{ doc: number; score: number }> = []
    const partial: Array<{ doc: number; upper: number }> = []
    for (const doc of this.candidates(plan)) {
      const bounds = this.bounds(doc, plan)
      if (bounds.out) {
        this.rejected.add(doc)
        continue
      }
      if (bounds.exact) ready.push({ doc, score: bounds.lower })
      else partial.push({ doc, upper: bounds.upper })
    }
    const unseen = this.unseenBound(plan)
    if (ready.length === 0 && partial.length === 0 && unseen === -Infinity) {
      this.finished = true
      return []
    }
    ready.sort((a, b) => b.score - a.score || b.doc - a.doc)
    partial.sort((a, b) => b.upper - a.upper || b.doc - a.doc)
    const blocker = partial[0]
    const beats = (hit: { doc: number; score: number }) =>
      hit.score > unseen &&
      (!blocker ||
        hit.score > blocker.upper ||
        (hit.score === blocker.upper && hit.doc > blocker.doc))
    const hits: Hit[] = []
    const toRead: number[] = []
    for (const hit of ready) {
      if (hits.length >= wanted || !beats(hit)) break
      if (this.needsText(hit.doc, plan)) {
        toRead.push(hit.doc)
        if (toRead.length >= TEXT_BATCH) break
        continue
      }
      if (toRead.length > 0) break
      hits.push({ docnum: hit.doc, score: hit.score })
    }
    if (hits.length > 0) return hits
    if (toRead.length > 0) {
      await this.readTexts(toRead, plan)
      return []
    }
    await this.settle(
      plan,
      partial.map((p) => p.doc),
      blocker ? blocker.upper < unseen : true,
    )
    return []
  }

  /** Newest first: the driver's articles in docnum order, each settled in turn. */
  private async stepNewest(wanted: number): Promise<Hit[]> {
    const plan = this.plan as QueryPlan
    const driver = this.driver(plan)
    const open = driver.alternatives.find((a) => !a.complete)
    if (open) {
      await open.deepen(this.reader)
      return []
    }
    const order = [...this.candidates(plan, driver)].sort((a, b) => b - a)
    if (order.length === 0) {
      this.finished = true
      return []
    }
    const hits: Hit[] = []
    const undecided: number[] = []
    for (const doc of order) {
      const bounds = this.bounds(doc, plan)
      if (bounds.out) {
        this.rejected.add(doc)
        continue
      }
      if (bounds.member && !this.needsText(doc, plan)) {
        if (undecided.length > 0) break
        hits.push({ docnum: doc, score: bounds.lower })
        if (hits.length >= wanted) break
        continue
      }
      undecided.push(doc)
      if (undecided.length >= TEXT_BATCH) break
    }
    if (hits.length > 0) return hits
    const unknown = undecided.filter((doc) => !this.bounds(doc, plan).member)
    if (unknown.length > 0) await this.settle(plan, unknown, false)
    else await this.readTexts(undecided, plan)
    return []
  }

  /**
   * One step to settle articles known in part: load the cheapest useful
   * next tier, or read the first articles' texts when that costs less.
   * With `unseenFirst`, articles no posting names are what blocks, and
   * only a tier can bring them.
   */
  private async settle(
    plan: QueryPlan,
    partial: number[],
    unseenFirst: boolean,
  ): Promise<void> {
    const open = plan.needs
      .flatMap((n) => n.alternatives)
      .filter((a) => !a.complete)
      .sort((a, b) => b.weight * b.threshold - a.weight * a.threshold)
    if (unseenFirst || partial.length === 0) {
      if (open[0]) await open[0].deepen(this.reader)
      else this.finished = partial.length === 0
      if (open[0] || partial.length === 0) return
    }
    const batch = partial.slice(0, TEXT_BATCH)
    const useful = open.filter((a) => batch.some((doc) => !a.impacts.has(doc)))
    const cheapest = useful.sort((a, b) => a.nextCount - b.nextCount)[0] as
      Alternative | undefined
    const tierCost = cheapest ? cheapest.nextCount * POSTING_BYTES : Infinity
    if (tierCost <= batch.length * ARTICLE_BYTES && cheapest)
      await cheapest.deepen(this.reader)
    else await this.readTexts(batch, plan)
  }
}
