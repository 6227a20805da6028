/**
 * bench:web's figures: medians and ranges of the cold runs, each Zixun
 * figure as a ratio to Hexo NexT's on the same posts, and the budgets of
 * issue 14 that make the run fail.
 */
import { median } from './lists-report.ts'
import type { ColdRun, FlowRun } from './web-lighthouse.ts'

export type PageName = 'home' | 'category' | 'article'
export const PAGE_NAMES: readonly PageName[] = ['home', 'category', 'article']

/** The cold runs of one page of one site. */
export type PageRuns = {
  site: string
  page: PageName
  url: string
  runs: ColdRun[]
}

/** A Zixun corpus: its cold pages, the flow, the warm navigation (ms). */
export type CorpusResult = {
  corpus: string
  pages: PageRuns[]
  flows: FlowRun[]
  warm: { toArticle: number[]; backToList: number[] }
  /** NexT's cold pages on the same posts, when the corpus has them. */
  next?: PageRuns[]
}

type Metric = {
  key: keyof ColdRun
  label: string
  format: (v: number) => string
}

const ms = (v: number) => `${Math.round(v)} ms`
const s = (v: number) => `${(v / 1000).toFixed(2)} s`
const kb = (v: number) => `${(v / 1024).toFixed(0)} KB`

export const METRICS: readonly Metric[] = [
  { key: 'score', label: 'score', format: (v) => v.toFixed(2) },
  { key: 'fcp', label: 'FCP', format: s },
  { key: 'lcp', label: 'LCP', format: s },
  { key: 'tbt', label: 'TBT', format: ms },
  { key: 'blocking4x', label: 'TBT 4× (Chromium)', format: ms },
  { key: 'cls', label: 'CLS', format: (v) => v.toFixed(3) },
  { key: 'si', label: 'SI', format: s },
  { key: 'bytes', label: 'bytes', format: kb },
  { key: 'requests', label: 'requests', format: (v) => String(v) },
  { key: 'jsBytes', label: 'JS', format: kb },
]

export function medianOf(runs: ColdRun[], key: keyof ColdRun): number {
  return median(runs.map((run) => Number(run[key])))
}

function spread(values: number[], format: (v: number) => string): string {
  const low = Math.min(...values)
  const high = Math.max(...values)
  const mid = format(median(values))
  return low === high ? mid : `${mid} (${format(low)}–${format(high)})`
}

/** One failed budget, as a sentence. */
export type BudgetFailure = string

/**
 * Issue 14's goal, on the medians: every page cold scores ≥ 0.98, blocks
 * ≤ 50 ms and shifts ≤ 0.01; against NexT on the same posts, LCP ≤ 0.6×
 * and bytes ≤ 1×; list pages can enter the back/forward cache; warm
 * list → article and back → list paint within 100 ms.
 */
export function checkBudgets(result: CorpusResult): BudgetFailure[] {
  const failures: BudgetFailure[] = []
  const fail = (what: string) => failures.push(`${result.corpus}: ${what}`)
  for (const page of result.pages) {
    const m = (key: keyof ColdRun) => medianOf(page.runs, key)
    if (m('score') < 0.98)
      fail(`${page.page} scores ${m('score').toFixed(2)} < 0.98`)
    if (m('tbt') > 50) fail(`${page.page} TBT ${ms(m('tbt'))} > 50 ms`)
    if (m('cls') > 0.01) fail(`${page.page} CLS ${m('cls').toFixed(3)} > 0.01`)
    if (page.page !== 'article' && !page.runs.every((run) => run.bfcache)) {
      fail(`${page.page} is not always eligible for the back/forward cache`)
    }
    const next = result.next?.find((other) => other.page === page.page)
    if (next) {
      const lcp = m('lcp') / medianOf(next.runs, 'lcp')
      if (lcp > 0.6) fail(`${page.page} LCP ${lcp.toFixed(2)}× NexT's > 0.6×`)
      const bytes = m('bytes') / medianOf(next.runs, 'bytes')
      if (bytes > 1) fail(`${page.page} bytes ${bytes.toFixed(2)}× NexT's > 1×`)
    }
  }
  const warm = (name: string, values: number[]) => {
    if (values.length > 0 && median(values) > 100) {
      fail(`warm ${name} ${ms(median(values))} > 100 ms`)
    }
  }
  warm('list → article', result.warm.toArticle)
  warm('article → list (Back)', result.warm.backToList)
  return failures
}

/** The cold pages of a corpus as a Markdown table, with NexT's and the ratios. */
export function formatCorpus(result: CorpusResult): string {
  const cells = (runs: ColdRun[]) =>
    METRICS.map((metric) =>
      spread(
        runs.map((run) => Number(run[metric.key])),
        metric.format,
      ),
    ).join(' | ')
  const rows = [
    `| ${result.corpus} | ${METRICS.map((m) => m.label).join(' | ')} |`,
    `|${' --- |'.repeat(METRICS.length + 1)}`,
  ]
  for (const page of result.pages) {
    rows.push(`| ${page.page} \`${page.url}\` | ${cells(page.runs)} |`)
    const next = result.next?.find((other) => other.page === page.page)
    if (!next) continue
    rows.push(`| NexT \`${next.url}\` | ${cells(next.runs)} |`)
    const ratios = METRICS.map((metric) => {
      const theirs = medianOf(next.runs, metric.key)
      const ours = medianOf(page.runs, metric.key)
      if (theirs !== 0) return `${(ours / theirs).toFixed(2)}×`
      return ours === 0 ? '=' : '—'
    })
    rows.push(`| Zixun ÷ NexT | ${ratios.join(' | ')} |`)
  }
  return rows.join('\n')
}

/** The flow and the warm navigation of a corpus, as a short Markdown table. */
export function formatInteractions(result: CorpusResult): string {
  const of = (
    pick: (flow: FlowRun) => number,
    format: (v: number) => string,
  ) => (result.flows.length ? spread(result.flows.map(pick), format) : '—')
  const warm = (values: number[]) => (values.length ? spread(values, ms) : '—')
  return [
    `| ${result.corpus}: in the app | INP | TBT | CLS | click → heading |`,
    '| --- | --- | --- | --- | --- |',
    `| flow: home → category | ${of((f) => f.toCategory.inp, ms)} | ${of((f) => f.toCategory.tbt, ms)} | ${of(
      (f) => f.toCategory.cls,
      (v) => v.toFixed(3),
    )} | ${of((f) => f.toCategory.ms, ms)} |`,
    `| flow: category → article | ${of((f) => f.toArticle.inp, ms)} | ${of((f) => f.toArticle.tbt, ms)} | ${of(
      (f) => f.toArticle.cls,
      (v) => v.toFixed(3),
    )} | ${of((f) => f.toArticle.ms, ms)} |`,
    `| warm: list → article (painted) | | | | ${warm(result.warm.toArticle)} |`,
    `| warm: article → list, Back (painted) | | | | ${warm(result.warm.backToList)} |`,
  ].join('\n')
}
