import type { Browser, Page } from '@playwright/test'
import type { BenchQuery } from './queries.ts'
import type { LoggedRequest, Served } from './serve.ts'

/** Results a first screen shows (Zixun's page of results; Pagefind loads as many). */
export const FIRST_SCREEN = 6
/** Run once after each reload, before the measured query: code and caches are warm. */
const WARM_UP = 'zzwarmupzz'

export type QueryRun = {
  q: string
  kind: string
  /** Data fetched by the first query after the page loaded (compressed bytes). */
  dataBytes: number
  /** Code fetched for it (Zixun's search chunk, Pagefind's WASM). */
  codeBytes: number
  requests: number
  /** Debounced query to results shown, files in the HTTP cache. */
  warmMs: number
}

/**
 * The bytes of the requests nginx answered in a window whose paths pass
 * `test`, from its access log: what went over the wire, whether the page,
 * a Web Worker (Pagefind searches in one) or the service worker asked.
 */
function sum(entries: LoggedRequest[], test: (path: string) => boolean) {
  return entries
    .filter((e) => test(e.path))
    .reduce((total, e) => total + e.bytes, 0)
}

/** Milliseconds from the debounced query `q` to its results painted (once both marks are there). */
export async function painted(page: Page, q: string): Promise<number> {
  const handle = await page.waitForFunction(
    (query) => {
      const paint = performance
        .getEntriesByName('zixun:search-painted')
        .filter((m) => (m as PerformanceMark).detail === query)
        .at(-1)
      const start = performance
        .getEntriesByName('zixun:search-query')
        .filter((m) => (m as PerformanceMark).detail === query)
        .at(-1)
      return paint && start && paint.startTime >= start.startTime
        ? paint.startTime - start.startTime
        : 0
    },
    q,
    { timeout: 60_000, polling: 5 },
  )
  return (await handle.jsonValue()) as number
}

/** Zixun: the real app, typing in its search field. */
export async function measureZixun(
  browser: Browser,
  served: Served,
  queries: BenchQuery[],
): Promise<QueryRun[]> {
  const { origin } = served
  const runs: QueryRun[] = []
  for (const { q, kind } of queries) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
    })
    const page = await context.newPage()
    await page.goto(`${origin}/`)
    await page.getByRole('main').getByRole('article').first().waitFor()
    await page.waitForLoadState('load')
    // The worker's install (its precache) is not the query's.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))
    const before = served.logMark()
    await page.getByRole('searchbox').fill(q)
    await painted(page, q)
    const entries = served.requestsSince(before)
    await page.goto(`${origin}/`)
    await page.getByRole('searchbox').fill(WARM_UP)
    await painted(page, WARM_UP)
    await page.getByRole('searchbox').fill(q)
    const warmMs = await painted(page, q)
    runs.push({
      q,
      kind,
      dataBytes: sum(entries, (path) => path.startsWith('/data/')),
      codeBytes: sum(entries, (path) => path.startsWith('/assets/')),
      requests: entries.filter((e) => e.path.startsWith('/data/')).length,
      warmMs,
    })
    await context.close()
  }
  return runs
}

type Harness = {
  pagefindSearch: (
    q: string,
    n: number,
  ) => Promise<{ ms: number; count: number }>
  pagefindIds: (q: string) => Promise<string[]>
  pagefindReady?: boolean
}

async function openHarness(page: Page, origin: string) {
  await page.goto(`${origin}/`)
  await page.waitForFunction(
    () => (window as unknown as Harness).pagefindReady === true,
  )
}

/** Pagefind: its search and the first screen's result data, in its harness page. */
export async function measurePagefind(
  browser: Browser,
  served: Served,
  queries: BenchQuery[],
): Promise<QueryRun[]> {
  const { origin } = served
  const runs: QueryRun[] = []
  const search = (page: Page, q: string) =>
    page.evaluate(
      ([query, n]) =>
        (window as unknown as Harness).pagefindSearch(
          query as string,
          n as number,
        ),
      [q, FIRST_SCREEN] as const,
    )
  for (const { q, kind } of queries) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
    })
    const page = await context.newPage()
    await openHarness(page, origin)
    const before = served.logMark()
    await search(page, q)
    const entries = served.requestsSince(before)
    await openHarness(page, origin)
    await search(page, WARM_UP)
    const warm = await search(page, q)
    runs.push({
      q,
      kind,
      dataBytes: sum(
        entries,
        (path) => !path.endsWith('.wasm') && !path.endsWith('.js'),
      ),
      codeBytes: sum(
        entries,
        (path) => path.endsWith('.wasm') || path.endsWith('.js'),
      ),
      requests: entries.length,
      warmMs: warm.ms,
    })
    await context.close()
  }
  return runs
}

/** Pagefind's result ids for each query (nothing but the index is fetched). */
export async function pagefindResultIds(
  browser: Browser,
  origin: string,
  queries: string[],
): Promise<string[][]> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await openHarness(page, origin)
  const out: string[][] = []
  for (const q of queries) {
    out.push(
      await page.evaluate(
        (query) => (window as unknown as Harness).pagefindIds(query),
        q,
      ),
    )
  }
  await context.close()
  return out
}
