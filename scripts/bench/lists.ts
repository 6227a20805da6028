/**
 * `npm run bench:lists`: data bytes of the first screen, scrolling 5,000
 * rows and switching categories, for corpora of 100, 10,000 and 100,000
 * synthetic articles, in Chromium against the production build.
 * Usage: tsx scripts/bench/lists.ts [--sizes 100,10000,100000] [--runs 3]
 */
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../chromium.ts'
import type { CategoryNode, Manifest } from '../../src/lib/article-schema.ts'
import { buildSites, prepareCorpus, type BenchCorpus } from './lists-corpus.ts'
import {
  firstScreenBytes,
  scrollRows,
  switchCategories,
} from './lists-measure.ts'
import { formatReport, median, type SizeResult } from './lists-report.ts'
import { servePreview } from './preview-server.ts'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,10000,100000' },
    runs: { type: 'string', default: '3' },
    rows: { type: 'string', default: '5000' },
  },
})
const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)
const rows = Number(values.rows)

const href = (categoryPath: string[]) =>
  `/c/${categoryPath.map(encodeURIComponent).join('/')}`

/**
 * The category view measured at every size: the deepest category that
 * fills a whole first page even in the smallest corpus (a category with
 * fewer posts than a page has a smaller first page, at any corpus size).
 */
function pickCategoryView(corpora: BenchCorpus[]): string[] {
  const smallest = [...corpora].sort((a, b) => a.count - b.count)[0]
  const manifest = readManifest(smallest)
  let best = manifest.categories[0]
  const visit = (nodes: CategoryNode[]) => {
    for (const node of nodes) {
      if (node.count < manifest.page_size) continue
      if (node.path.length > best.path.length) best = node
      visit(node.children)
    }
  }
  visit(manifest.categories)
  return best.path
}

function findNode(nodes: CategoryNode[], categoryPath: string[]): CategoryNode {
  let node: CategoryNode | undefined
  let level = nodes
  for (const name of categoryPath) {
    node = level.find((candidate) => candidate.name === name)
    if (!node) throw new Error(`no category ${categoryPath.join(' › ')}`)
    level = node.children
  }
  if (!node) throw new Error('empty category path')
  return node
}

function readManifest(corpus: BenchCorpus): Manifest {
  return JSON.parse(
    readFileSync(path.join(corpus.data, 'manifest.json'), 'utf8'),
  ) as Manifest
}

async function measure(
  corpus: BenchCorpus,
  port: number,
  categoryView: string[],
): Promise<SizeResult> {
  const manifest = readManifest(corpus)
  const [first, second] = manifest.categories
  const view = findNode(manifest.categories, categoryView)
  const stop = await servePreview(corpus.site, port)
  const base = `http://127.0.0.1:${port}`
  const browser = await chromium.launch({
    ...chromiumLaunchOptions(),
  })
  try {
    const home = [] as Awaited<ReturnType<typeof firstScreenBytes>>[]
    const category = [] as typeof home
    const scrolls = [] as Awaited<ReturnType<typeof scrollRows>>[]
    for (let run = 0; run < runs; run++) {
      home.push(await firstScreenBytes(browser, `${base}/`))
      category.push(await firstScreenBytes(browser, base + href(view.path)))
      scrolls.push(
        await scrollRows(
          browser,
          `${base}/`,
          Math.min(rows, manifest.all.count),
        ),
      )
    }
    const switches: number[] = []
    for (let run = 0; run < runs; run++) {
      switches.push(
        ...(await switchCategories(
          browser,
          base,
          { href: href(first.path), name: first.name },
          { href: href(second.path), name: second.name },
          10,
        )),
      )
    }
    return {
      count: corpus.count,
      categoryView: view.path.join(' › '),
      homeBytes: median(home.map((r) => r.bytes)),
      homeRequests: median(home.map((r) => r.requests)),
      categoryBytes: median(category.map((r) => r.bytes)),
      categoryRequests: median(category.map((r) => r.requests)),
      rowsScrolled: median(scrolls.map((r) => r.rows)),
      scrollSeconds: median(scrolls.map((r) => r.seconds)),
      longTasks: Math.max(...scrolls.map((r) => r.longTasks)),
      longestTask: Math.max(...scrolls.map((r) => r.longestTask)),
      longestTaskMedian: median(scrolls.map((r) => r.longestTask)),
      longestFrame: median(scrolls.map((r) => r.longestFrame)),
      traceWall: Math.max(...scrolls.map((r) => r.trace.wallMs)),
      traceCpu: Math.max(...scrolls.map((r) => r.trace.cpuMs)),
      traceCpuMedian: median(scrolls.map((r) => r.trace.cpuMs)),
      backDelta: Math.max(...scrolls.map((r) => Math.abs(r.backDelta))),
      switchMedian: median(switches),
      switchP90: [...switches].sort((a, b) => a - b)[
        Math.floor(switches.length * 0.9)
      ],
      switches: switches.length,
    }
  } finally {
    await browser.close()
    stop()
  }
}

console.log(`Lists bench: sizes ${sizes.join(', ')}, ${runs} runs each`)
const corpora: BenchCorpus[] = []
for (const size of sizes) corpora.push(await prepareCorpus(size))
const categoryView = pickCategoryView(corpora)
await buildSites(corpora)
const results: SizeResult[] = []
for (const [i, corpus] of corpora.entries()) {
  console.log(`  measuring ${corpus.count} articles…`)
  results.push(await measure(corpus, 4271 + i, categoryView))
}
const out = path.resolve('.cache/bench/lists-results.json')
await mkdir(path.dirname(out), { recursive: true })
await writeFile(out, JSON.stringify(results, null, 2))
console.log(formatReport(results, { runs, rows }))
