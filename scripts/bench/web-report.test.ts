import { expect, test } from 'vitest'
import type { ColdRun } from './web-lighthouse.ts'
import { checkBudgets, formatCorpus, type CorpusResult } from './web-report.ts'

const fast: ColdRun = {
  score: 1,
  fcp: 900,
  lcp: 1000,
  tbt: 0,
  cls: 0,
  si: 900,
  bytes: 50_000,
  jsBytes: 40_000,
  requests: 6,
  bfcache: true,
  blocking4x: 0,
}
const blog: ColdRun = { ...fast, lcp: 2000, bytes: 200_000 }

function corpus(zixun: Partial<ColdRun>, warm = 50): CorpusResult {
  const runs = (run: ColdRun) => [run, run, run]
  return {
    corpus: 'shared',
    pages: (['home', 'category', 'article'] as const).map((page) => ({
      site: 'shared',
      page,
      url: `/${page}`,
      runs: runs({ ...fast, ...zixun }),
    })),
    next: (['home', 'category', 'article'] as const).map((page) => ({
      site: 'NexT',
      page,
      url: `/${page}`,
      runs: runs(blog),
    })),
    flows: [],
    warm: { toArticle: [warm], backToList: [warm] },
  }
}

test('a site within every budget passes', () => {
  expect(checkBudgets(corpus({}))).toEqual([])
})

test('each budget of issue 14 fails on its own', () => {
  expect(checkBudgets(corpus({ score: 0.97 }))).toHaveLength(3)
  expect(checkBudgets(corpus({ tbt: 51 }))[0]).toMatch(/home TBT 51 ms > 50 ms/)
  expect(checkBudgets(corpus({ cls: 0.02 }))[0]).toMatch(/CLS 0\.020 > 0\.01/)
  expect(checkBudgets(corpus({ lcp: 1300 }))[0]).toMatch(/LCP 0\.65× NexT's/)
  expect(checkBudgets(corpus({ bytes: 201_000 }))[0]).toMatch(
    /bytes 1\.0\d× NexT's/,
  )
  // The back/forward cache matters on lists, which readers come back to.
  expect(checkBudgets(corpus({ bfcache: false }))).toEqual([
    'shared: home is not always eligible for the back/forward cache',
    'shared: category is not always eligible for the back/forward cache',
  ])
  expect(checkBudgets(corpus({}, 120))).toEqual([
    'shared: warm list → article 120 ms > 100 ms',
    'shared: warm article → list (Back) 120 ms > 100 ms',
  ])
})

test('the table gives every Zixun figure as a ratio to NexT’s', () => {
  const table = formatCorpus(corpus({}))
  expect(table).toContain('| Zixun ÷ NexT | 1.00× | 1.00× | 0.50× | = | = |')
})
