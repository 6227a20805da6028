/**
 * `npm run bench:reading`: what the reading state (issue 12) costs a list,
 * in Chromium against the production build of the lists bench's corpus of
 * 100,000 articles. In paired, alternating runs, with 0 and with 50,000 read
 * marks in IndexedDB (the 50,000 newest articles, so every card on screen is
 * read): a cold open of `/` (navigation → the first card, with its read
 * state, painted) and switching between two categories in the app; and the
 * gzip JavaScript `/` loads, with the reading store's own chunk.
 * Usage: tsx scripts/bench/reading.ts [--size 100000] [--marks 50000] [--runs 7]
 */
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../chromium.ts'
import type { ListPage, Manifest } from '../../src/lib/article-schema.ts'
import {
  toReadTarget,
  type ReadTarget,
} from '../../src/lib/reading/read-scopes.ts'
import { chunkKey, toChunk } from '../../src/lib/reading/stored-records.ts'
import { buildSites, prepareCorpus } from './lists-corpus.ts'
import { median } from './lists-report.ts'
import { servePreview } from './preview-server.ts'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    marks: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '7' },
    port: { type: 'string', default: '4281' },
  },
})
const size = Number(values.size)
const marks = Number(values.marks)
const runs = Number(values.runs)
const base = `http://127.0.0.1:${values.port}`
const VIEWPORT = { width: 1280, height: 720 }

/** The `count` newest articles of the corpus, as read marks. */
function newestTargets(data: string, count: number): ReadTarget[] {
  const manifest = JSON.parse(
    readFileSync(path.join(data, 'manifest.json'), 'utf8'),
  ) as Manifest
  const out: ReadTarget[] = []
  for (let page = 1; out.length < count && page <= manifest.all.pages; page++) {
    const file = path.join(data, `${manifest.all.base}${page}.json`)
    const list = JSON.parse(readFileSync(file, 'utf8')) as ListPage
    for (const item of list.items) out.push(toReadTarget(item))
  }
  return out.slice(0, count)
}

/** Chunks keyed by month, as the app stores them (stored-records.ts). */
function toChunks(
  targets: ReadTarget[],
): [string, ReturnType<typeof toChunk>][] {
  const byMonth = new Map<string, ReadTarget[]>()
  for (const target of targets) {
    const key = chunkKey(target.date)
    byMonth.set(key, [...(byMonth.get(key) ?? []), target])
  }
  return [...byMonth].map(([key, list]) => [key, toChunk(list)])
}

/** Records when the first card that knows its read state is painted. */
const FIRST_CARD = `
  window.__firstCard = new Promise((resolve) => {
    const painted = () => requestAnimationFrame(() =>
      requestAnimationFrame(() => resolve(performance.now())))
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.article-list article[data-read]')) return
      observer.disconnect()
      painted()
    })
    observer.observe(document, { subtree: true, childList: true, attributes: true })
  })
`

/** A context whose IndexedDB holds `chunks` (the app made the database on a first visit). */
async function seededContext(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  chunks: ReturnType<typeof toChunks>,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  // tsx keeps function names through a `__name` helper, which the
  // functions given to `page.evaluate` need in the page too.
  await context.addInitScript('window.__name = (fn) => fn')
  await context.addInitScript(FIRST_CARD)
  const page = await context.newPage()
  await page.goto(`${base}/`)
  await page.locator('.article-list article[data-read]').first().waitFor()
  await page.evaluate(async (chunks) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('zixun')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const tx = db.transaction('read', 'readwrite')
    for (const [key, chunk] of chunks) tx.objectStore('read').put(chunk, key)
    await new Promise((resolve) => (tx.oncomplete = resolve))
    db.close()
  }, chunks)
  await page.close()
  return context
}

/** Opens `/` in a new page of `context`; ms from navigation to the first card painted. */
async function coldOpen(
  context: BrowserContext,
): Promise<{ ms: number; page: Page }> {
  const page = await context.newPage()
  await page.goto(`${base}/`)
  const ms = await page.evaluate(
    () => (window as unknown as { __firstCard: Promise<number> }).__firstCard,
  )
  return { ms, page }
}

/** Click → new list's heading and a card painted, `times` times between two categories. */
async function switches(page: Page, names: [string, string], times: number) {
  return page.evaluate(
    async ({ names, times }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r))
      const out: number[] = []
      for (let i = 0; i < times; i++) {
        const name = names[i % 2]
        const link = [
          ...document.querySelectorAll<HTMLAnchorElement>('.category-nav a'),
        ].find((a) => a.firstChild?.textContent?.trim() === name)
        if (!link) throw new Error(`no link to ${name}`)
        const start = performance.now()
        link.click()
        const shows = () =>
          document
            .querySelector('h1.list-title')
            ?.firstChild?.textContent?.trim() === name &&
          !!document.querySelector('.article-list article[data-read]')
        while (!shows()) await new Promise((r) => setTimeout(r, 0))
        await frame()
        await frame()
        out.push(performance.now() - start)
        await new Promise((r) => setTimeout(r, 100))
      }
      return out
    },
    { names, times },
  )
}

/** Gzip bytes of the JavaScript `/` loads in a fresh context, and of the store's chunk. */
async function firstLoadJs(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  site: string,
) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  const scripts = new Set<string>()
  page.on('response', (response) => {
    const { pathname } = new URL(response.url())
    if (pathname.endsWith('.js')) scripts.add(pathname)
  })
  await page.goto(`${base}/`)
  await page.locator('.article-list article[data-read]').first().waitFor()
  await page.waitForLoadState('networkidle')
  await context.close()
  const gzip = (file: string) =>
    gzipSync(readFileSync(path.join(site, file)), { level: 9 }).length
  const files = [...scripts].sort()
  return {
    files: files.length,
    total: files.reduce((sum, file) => sum + gzip(file), 0),
    store: files
      .filter((file) => /\/browser-store-/.test(file))
      .reduce((sum, file) => sum + gzip(file), 0),
  }
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b)
  return { median: median(times), min: sorted[0], max: sorted.at(-1)! }
}

console.log(
  `Reading-state bench: ${size} articles, ${marks} read marks, ${runs} paired runs`,
)
const corpus = await prepareCorpus(size)
await buildSites([corpus])
const chunks = toChunks(newestTargets(corpus.data, marks))
const manifest = JSON.parse(
  readFileSync(path.join(corpus.data, 'manifest.json'), 'utf8'),
) as Manifest
const names: [string, string] = [
  manifest.categories[0].name,
  manifest.categories[1].name,
]
const stop = await servePreview(corpus.site, Number(values.port))
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  const empty = await seededContext(browser, [])
  const full = await seededContext(browser, chunks)
  const cold = { empty: [] as number[], full: [] as number[] }
  const switched = { empty: [] as number[], full: [] as number[] }
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so drift on a shared machine hits both.
    const order =
      run % 2 ? (['full', 'empty'] as const) : (['empty', 'full'] as const)
    for (const which of order) {
      const { ms, page } = await coldOpen(which === 'empty' ? empty : full)
      cold[which].push(ms)
      switched[which].push(median(await switches(page, names, 6)))
      await page.close()
    }
  }
  const js = await firstLoadJs(browser, corpus.site)
  const result = {
    date: new Date().toISOString().slice(0, 10),
    size,
    marks,
    chunks: chunks.length,
    runs,
    coldOpen: { empty: summary(cold.empty), full: summary(cold.full) },
    coldRatio: median(cold.full) / median(cold.empty),
    switch: { empty: summary(switched.empty), full: summary(switched.full) },
    switchRatio: median(switched.full) / median(switched.empty),
    js,
  }
  const out = path.resolve('.cache/bench/reading-results.json')
  await mkdir(path.dirname(out), { recursive: true })
  await writeFile(out, JSON.stringify(result, null, 2))
  const f = (s: { median: number; min: number; max: number }) =>
    `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`
  console.log(`  read marks stored in ${chunks.length} chunks`)
  console.log(
    `  cold open of /, first card painted: 0 marks ${f(result.coldOpen.empty)}, ${marks} marks ${f(result.coldOpen.full)} → ratio ${result.coldRatio.toFixed(2)}`,
  )
  console.log(
    `  category switch in the app:         0 marks ${f(result.switch.empty)}, ${marks} marks ${f(result.switch.full)} → ratio ${result.switchRatio.toFixed(2)}`,
  )
  console.log(
    `  JS for / (gzip -9): ${(js.total / 1024).toFixed(1)} kB in ${js.files} files, of which the reading store's chunk ${(js.store / 1024).toFixed(1)} kB`,
  )
  if (result.coldRatio > 1.1 || result.switchRatio > 1.1) {
    console.log('  over the budget (ratio ≤ 1.1)')
    process.exitCode = 1
  }
} finally {
  await browser.close()
  stop()
}
