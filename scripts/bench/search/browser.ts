import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { BenchQuery } from './queries.ts'

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

type Entry = { name: string; size: number }

/**
 * Every response a context receives, from pages and their workers alike
 * (Pagefind searches in a Web Worker, which the page's resource timing
 * does not see), with its body's size on the wire.
 */
function watchNetwork(context: BrowserContext) {
  const seen: Array<Promise<Entry>> = []
  context.on('requestfinished', (request) => {
    const entry = request
      .sizes()
      .then((sizes) => ({ name: request.url(), size: sizes.responseBodySize }))
      // A request still open when the context closes is not measured.
      .catch(() => ({ name: request.url(), size: 0 }))
    seen.push(entry)
  })
  return {
    mark: () => seen.length,
    since: (from: number) => Promise.all(seen.slice(from)),
  }
}

function sum(entries: Entry[], test: (name: string) => boolean): number {
  return entries
    .filter((e) => test(e.name))
    .reduce((total, e) => total + e.size, 0)
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
  origin: string,
  queries: BenchQuery[],
): Promise<QueryRun[]> {
  const runs: QueryRun[] = []
  for (const { q, kind } of queries) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
    })
    const network = watchNetwork(context)
    const page = await context.newPage()
    await page.goto(`${origin}/`)
    await page.getByRole('main').getByRole('article').first().waitFor()
    await page.waitForLoadState('load')
    const before = network.mark()
    await page.getByRole('searchbox').fill(q)
    await painted(page, q)
    const entries = await network.since(before)
    await page.goto(`${origin}/`)
    await page.getByRole('searchbox').fill(WARM_UP)
    await painted(page, WARM_UP)
    await page.getByRole('searchbox').fill(q)
    const warmMs = await painted(page, q)
    runs.push({
      q,
      kind,
      dataBytes: sum(entries, (name) => name.includes('/data/')),
      codeBytes: sum(entries, (name) => name.includes('/assets/')),
      requests: entries.filter((e) => e.name.includes('/data/')).length,
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
  origin: string,
  queries: BenchQuery[],
): Promise<QueryRun[]> {
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
    const network = watchNetwork(context)
    const page = await context.newPage()
    await openHarness(page, origin)
    const before = network.mark()
    await search(page, q)
    const entries = await network.since(before)
    await openHarness(page, origin)
    await search(page, WARM_UP)
    const warm = await search(page, q)
    runs.push({
      q,
      kind,
      dataBytes: sum(
        entries,
        (name) => !name.endsWith('.wasm') && !name.endsWith('.js'),
      ),
      codeBytes: sum(
        entries,
        (name) => name.endsWith('.wasm') || name.endsWith('.js'),
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
