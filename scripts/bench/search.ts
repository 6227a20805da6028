/**
 * `npm run bench:search [-- --sizes 10000,100000 --queries 10 --recall 200 --pairs 3 --no-peer]`
 * Not a test. For each size, a generated corpus with a Zipf-like
 * vocabulary (search/corpus.ts), and the shared posts when `../shared` is
 * there:
 *
 * - the ingest cold with the index and without (`--no-search`), in
 *   alternating pairs: wall time, its ratio, peak memory; the index's files
 *   and bytes;
 * - the same articles indexed by Pagefind (npm `pagefind`, Node API),
 *   unless `--no-peer` (its build takes ~30 s per 1,000 articles on a
 *   loaded machine: `--no-peer` measures Zixun alone, for a quick look);
 * - both served by nginx with gzip, driven in the same Chromium with the
 *   same queries sampled from the corpus: bytes fetched by the first query
 *   after the page loaded, and the time from the debounced query to its
 *   results painted with every file in the HTTP cache (medians, p95);
 * - recall: articles found for random Chinese runs of 2–6 characters and
 *   English words taken from them.
 *
 * Prints Markdown tables; raw figures go to .cache/bench/search/results.json.
 * Large output is deleted at the end (corpora are kept for the next run).
 */
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../chromium.ts'
import { sharedPaths } from '../shared-data.ts'
import {
  benchRoot,
  cpuPressure,
  ingest,
  median,
  type Run,
} from './ingest-runs.ts'
import {
  measurePagefind,
  measureZixun,
  pagefindResultIds,
  type QueryRun,
} from './search/browser.ts'
import { writeSearchCorpus } from './search/corpus.ts'
import {
  buildPagefindSite,
  fragmentIds,
  measureDir,
} from './search/pagefind-site.ts'
import { readArticles, recallQueries, sampleQueries } from './search/queries.ts'
import { zixunRecall } from './search/recall.ts'
import { serveWithNginx } from './search/serve.ts'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    queries: { type: 'string', default: '10' },
    recall: { type: 'string', default: '200' },
    pairs: { type: 'string', default: '3' },
    'no-peer': { type: 'boolean', default: false },
    'zixun-port': { type: 'string', default: '4413' },
    'peer-port': { type: 'string', default: '4414' },
  },
})

const root = path.join(benchRoot, 'search')
const cli = path.resolve(import.meta.dirname, '../ingest/bin.mjs')
const app = path.join(root, 'app')

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return (
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  )
}

/** The reader built once without data; each corpus's data is linked in. */
function buildApp() {
  const result = spawnSync(
    path.resolve('node_modules/.bin/vite'),
    ['build', '--outDir', app, '--emptyOutDir'],
    {
      stdio: 'inherit',
      env: { ...process.env, ZIXUN_DATA_DIR: '' },
    },
  )
  if (result.status !== 0) throw new Error('vite build failed')
}

type Corpus = { name: string; posts: string; count: number }

/** Cold ingests with and without the index, alternating; keeps the last indexed output. */
function ingestPairs(corpus: Corpus, pairs: number) {
  const runs = path.join(root, `runs-${corpus.name}`)
  rmSync(runs, { recursive: true, force: true })
  const without: Run[] = []
  const withIndex: Run[] = []
  let data = ''
  for (let i = 0; i < pairs; i++) {
    const pressure = cpuPressure()
    const a = path.join(runs, `${i}-plain`)
    without.push(
      ingest(cli, corpus.posts, path.join(a, 'out'), path.join(a, 'cache'), [
        '--no-search',
      ]),
    )
    const b = path.join(runs, `${i}-search`)
    withIndex.push(
      ingest(cli, corpus.posts, path.join(b, 'out'), path.join(b, 'cache')),
    )
    data = path.join(b, 'out')
    const [w, s] = [without.at(-1)!, withIndex.at(-1)!]
    console.log(
      `  ${corpus.name} pair ${i + 1}: without ${w.wall}s (${w.rssMiB.toFixed(0)} MiB), with ${s.wall}s (${s.rssMiB.toFixed(0)} MiB), ${(s.wall / w.wall).toFixed(2)}×, cpu pressure ${pressure}`,
    )
  }
  return { without, withIndex, data, runs }
}

type Summary = { median: number; p95: number }
const summary = (values: number[]): Summary => ({
  median: median(values),
  p95: quantile(values, 0.95),
})

async function benchCorpus(corpus: Corpus) {
  console.log(
    `\n## ${corpus.name} (${corpus.count.toLocaleString('en-US')} articles)`,
  )
  const pairs = ingestPairs(corpus, Number(values.pairs))
  const index = measureDir(path.join(pairs.data, 'search'))
  const articles = readArticles(pairs.data)
  const peerDir = path.join(root, `pagefind-${corpus.name}`)
  let peerProblem = values['no-peer'] ? 'not measured (--no-peer)' : undefined
  const peer = values['no-peer']
    ? undefined
    : await buildPagefindSite(articles, peerDir).catch((error: Error) => {
        // Said in the report; the corpus is measured without the peer.
        peerProblem = `failed: ${error.message}`
        console.log(`  Pagefind ${peerProblem}`)
        return undefined
      })
  console.log(
    `  Zixun index: ${index.files} files, ${(index.bytes / 1e6).toFixed(1)} MB` +
      (peer
        ? `; Pagefind: ${peer.files} files, ${(peer.bytes / 1e6).toFixed(1)} MB in ${peer.seconds.toFixed(1)} s`
        : ''),
  )
  rmSync(path.join(app, 'data'), { recursive: true, force: true })
  symlinkSync(pairs.data, path.join(app, 'data'))
  const zixun = await serveWithNginx(app, Number(values['zixun-port']), 'zixun')
  const other = peer
    ? await serveWithNginx(peerDir, Number(values['peer-port']), 'peer')
    : undefined
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const queries = sampleQueries(articles, Number(values.queries))
    // Alternate the engines query by query, so load on the machine hits both alike.
    const ours: QueryRun[] = []
    const theirs: QueryRun[] = []
    for (const query of queries) {
      ours.push(...(await measureZixun(browser, zixun, [query])))
      if (other)
        theirs.push(...(await measurePagefind(browser, other, [query])))
    }
    const recall = recallQueries(articles, Number(values.recall))
    const foundOurs = await zixunRecall(pairs.data, articles, recall)
    let foundTheirs: boolean[] = []
    if (other) {
      const ids = fragmentIds(peerDir)
      const theirIds = await pagefindResultIds(
        browser,
        other.origin,
        recall.map((r) => r.q),
      )
      foundTheirs = recall.map((r, i) =>
        theirIds[i].some((hash) => ids.get(hash) === r.id),
      )
    }
    return {
      corpus,
      pairs,
      index,
      peer,
      peerProblem,
      ours,
      theirs,
      recall,
      foundOurs,
      foundTheirs,
    }
  } finally {
    await browser.close()
    await zixun.stop()
    await other?.stop()
    rmSync(pairs.runs, { recursive: true, force: true })
    rmSync(peerDir, { recursive: true, force: true })
  }
}

type Result = Awaited<ReturnType<typeof benchCorpus>>

function kb(bytes: number): string {
  return Number.isNaN(bytes) ? '–' : `${(bytes / 1024).toFixed(1)} KB`
}

/** A ratio to the peer; a dash when the peer was not measured. */
function ratio(ours: number, theirs: number): string {
  return Number.isNaN(theirs) ? '–' : (ours / theirs).toFixed(2)
}

function ms(value: number): string {
  return Number.isNaN(value) ? '–' : value.toFixed(1)
}

function report(result: Result): string {
  const {
    corpus,
    pairs,
    peerProblem,
    index,
    peer,
    ours,
    theirs,
    recall,
    foundOurs,
    foundTheirs,
  } = result
  const wall = (runs: Run[]) => median(runs.map((r) => r.wall))
  const ratios = pairs.withIndex.map((r, i) => r.wall / pairs.without[i].wall)
  const lines = [
    `### ${corpus.name}: ${corpus.count.toLocaleString('en-US')} articles`,
    '',
    `Ingest cold, ${pairs.withIndex.length} alternating pairs: without the index ${wall(pairs.without).toFixed(2)} s, with ${wall(pairs.withIndex).toFixed(2)} s, ratio median ${median(ratios).toFixed(2)}× (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); peak RSS with the index ${Math.max(...pairs.withIndex.map((r) => r.rssMiB)).toFixed(0)} MiB (without ${Math.max(...pairs.without.map((r) => r.rssMiB)).toFixed(0)} MiB).`,
    '',
    `Index: Zixun ${index.files.toLocaleString('en-US')} files, ${(index.bytes / 1e6).toFixed(1)} MB; ` +
      (peer
        ? `Pagefind ${peer.files.toLocaleString('en-US')} files, ${(peer.bytes / 1e6).toFixed(1)} MB (built in ${peer.seconds.toFixed(1)} s).`
        : `Pagefind ${peerProblem}.`),
    '',
    '| queries | first query data, Zixun p50 / p95 | Pagefind p50 / p95 | ratio p50 | warm latency, Zixun p50 / p95 | Pagefind p50 / p95 | ratio p95 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ]
  const kinds = ['all', ...new Set(ours.map((r) => r.kind))]
  for (const kind of kinds) {
    const pick = (runs: QueryRun[]) =>
      runs.filter((r) => kind === 'all' || r.kind === kind)
    const bytesOurs = summary(pick(ours).map((r) => r.dataBytes))
    const bytesTheirs = summary(pick(theirs).map((r) => r.dataBytes))
    const msOurs = summary(pick(ours).map((r) => r.warmMs))
    const msTheirs = summary(pick(theirs).map((r) => r.warmMs))
    lines.push(
      `| ${kind} (${pick(ours).length}) | ${kb(bytesOurs.median)} / ${kb(bytesOurs.p95)} | ${kb(bytesTheirs.median)} / ${kb(bytesTheirs.p95)} | ${ratio(bytesOurs.median, bytesTheirs.median)} | ${ms(msOurs.median)} / ${ms(msOurs.p95)} ms | ${ms(msTheirs.median)} / ${ms(msTheirs.p95)} ms | ${ratio(msOurs.p95, msTheirs.p95)} |`,
    )
  }
  const code = (runs: QueryRun[]) => kb(median(runs.map((r) => r.codeBytes)))
  const rate = (found: boolean[], kind?: string) => {
    if (found.length === 0) return '–'
    const picked = found.filter((_, i) => !kind || recall[i].kind === kind)
    return `${((100 * picked.filter(Boolean).length) / Math.max(1, picked.length)).toFixed(1)}%`
  }
  lines.push(
    '',
    `Code fetched by the first query (not in the data bytes): Zixun ${code(ours)} (its search chunk), Pagefind ${code(theirs)} (WASM and loader).`,
    '',
    `Recall on ${recall.length} queries (Chinese runs of 2–6 characters, English words, from titles and bodies): Zixun ${rate(foundOurs)} (Chinese ${rate(foundOurs, 'zh')}, English ${rate(foundOurs, 'en')}), Pagefind ${rate(foundTheirs)} (Chinese ${rate(foundTheirs, 'zh')}, English ${rate(foundTheirs, 'en')}).`,
  )
  return lines.join('\n')
}

async function main() {
  mkdirSync(root, { recursive: true })
  const corpora: Corpus[] = values.sizes
    .split(',')
    .map(Number)
    .map((count) => ({
      name: `zipf-${count}`,
      count,
      posts: writeSearchCorpus(
        path.join(benchRoot, `search-${count}`, 'posts'),
        count,
      ).dir,
    }))
  if (existsSync(sharedPaths.posts))
    corpora.unshift({ name: 'shared', posts: sharedPaths.posts, count: 40 })
  buildApp()
  const results: Result[] = []
  for (const corpus of corpora) results.push(await benchCorpus(corpus))
  rmSync(path.join(app, 'data'), { force: true })
  const markdown = `${results.map(report).join('\n\n')}\n`
  console.log(`\n${markdown}`)
  writeFileSync(
    path.join(root, 'results.json'),
    JSON.stringify(
      results.map(
        ({
          corpus,
          index,
          peer,
          ours,
          theirs,
          foundOurs,
          foundTheirs,
          pairs,
        }) => ({
          corpus,
          index,
          peer,
          ours,
          theirs,
          recall: {
            zixun: foundOurs.filter(Boolean).length,
            pagefind: foundTheirs.filter(Boolean).length,
            of: foundOurs.length,
          },
          ingest: { without: pairs.without, with: pairs.withIndex },
        }),
      ),
      null,
      1,
    ),
  )
}

await main()
