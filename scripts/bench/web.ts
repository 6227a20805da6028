/**
 * `npm run bench:web`: Lighthouse 12.2.3 (mobile, simulated throttling),
 * cold, on `/`, a top-level category and an article of Zixun built from
 * the shared 40 posts and from a demo corpus, and of Hexo NexT built from
 * the same 40 posts, all in one run and each served by nginx; then the
 * flow home → category → article and warm in-app navigation. Prints
 * medians and ranges, Zixun ÷ NexT, and exits 1 when a budget of issue 14
 * fails (scripts/bench/web-report.ts). A benchmark, not a test: CI runs
 * the size budget instead (tests/e2e/size-budget.spec.ts).
 *
 * Usage: tsx scripts/bench/web.ts [--runs 3] [--count 10000] [--port 4180]
 *        [--warm 10] [--reuse]   (--reuse: the builds an earlier run left)
 * Ports: nginx on port, port+1, port+2; Chromium's DevTools on port+3.
 * Each cold page is loaded twice: by Lighthouse, and in Chromium slowed
 * 4× for a second blocking figure (web-throttled.ts).
 */
import type { ChildProcess } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadsBrotli } from '../hosting/nginx-main-config.ts'
import {
  spawnServeNginx,
  untilAnswering,
} from '../hosting/serve-nginx-process.ts'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { inspectSharedData, sharedPaths } from '../shared-data.ts'
import { buildHexoSite, staticSiteNginx } from './web-hexo.ts'
import { runCold, runFlow } from './web-lighthouse.ts'
import type { FlowRun } from './web-lighthouse.ts'
import {
  checkBudgets,
  formatCorpus,
  formatInteractions,
  PAGE_NAMES,
  type CorpusResult,
  type PageRuns,
} from './web-report.ts'
import {
  benchRoot,
  buildZixunSite,
  demoPosts,
  pickZixunPages,
  type SitePages,
} from './web-sites.ts'
import { blockingAt4x } from './web-throttled.ts'
import { measureWarm } from './web-warm.ts'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    count: { type: 'string', default: '10000' },
    port: { type: 'string', default: '4180' },
    warm: { type: 'string', default: '10' },
    // Measure the builds an earlier run left (same code and data only).
    reuse: { type: 'boolean', default: false },
  },
})
const runs = Number(values.runs)
const basePort = Number(values.port)
const devtoolsPort = basePort + 3

type Site = { name: string; origin: string; pages: SitePages; zixun: boolean }

/** Each site's server, by its origin. */
const servers = new Map<string, ChildProcess>()
/** `npm run serve:nginx` for `dist` on `port` (with another site's rules: `include`). */
function serve(dist: string, port: number, include?: string): string {
  const origin = `http://127.0.0.1:${port}`
  servers.set(
    origin,
    spawnServeNginx({ dist, port, include }, ['ignore', 'ignore', 'inherit']),
  )
  return origin
}
async function stopServers() {
  await Promise.all(
    [...servers.values()].map(
      (server) =>
        new Promise((resolve) => {
          if (server.exitCode !== null) return resolve(null)
          server.once('exit', resolve)
          server.kill('SIGTERM')
        }),
    ),
  )
}

const log = (line: string) => console.log(line)
const sites: Site[] = []
const results: CorpusResult[] = []
try {
  const shared = inspectSharedData()
  if (shared.ok) {
    log(`building Zixun and Hexo NexT on the ${shared.posts} shared posts…`)
    const dist = await buildZixunSite('shared', sharedPaths.posts, {
      demoImages: false,
      reuse: values.reuse,
    })
    const pages = await pickZixunPages(dist, '新媒体')
    sites.push({
      name: 'shared',
      origin: serve(dist, basePort),
      pages,
      zixun: true,
    })
    const hexo = await buildHexoSite(
      sharedPaths.posts,
      path.join(os.tmpdir(), 'zixun-bench-web-hexo'),
    )
    if (hexo.postUrls.size === 0)
      throw new Error('bench:web: Hexo wrote no posts')
    const snippet = path.join(benchRoot, 'hexo-nginx.conf')
    await writeFile(snippet, staticSiteNginx(loadsBrotli()))
    const articleHref = hexo.postUrls.get(pages.article.title)
    const categoryHref = hexo.categoryUrls.get(pages.category.name)
    if (!articleHref || !categoryHref) {
      throw new Error(
        'bench:web: Hexo has no page for the article or category measured',
      )
    }
    sites.push({
      name: 'NexT',
      origin: serve(hexo.dist, basePort + 2, snippet),
      pages: {
        home: '/',
        category: { name: pages.category.name, href: categoryHref },
        article: { ...pages.article, href: articleHref },
      },
      zixun: false,
    })
  } else {
    log(
      `no shared posts (${shared.missing.join(', ')}): the demo corpus only, no NexT`,
    )
  }
  const count = Number(values.count)
  log(`building Zixun on ${count} demo posts…`)
  const demoDist = await buildZixunSite(
    `demo-${count}`,
    await demoPosts(count),
    {
      demoImages: true,
      reuse: values.reuse,
    },
  )
  sites.push({
    name: `demo ${count}`,
    origin: serve(demoDist, basePort + 1),
    pages: await pickZixunPages(demoDist),
    zixun: true,
  })
  await Promise.all(
    sites.map((site) =>
      untilAnswering(`${site.origin}/`, servers.get(site.origin)!),
    ),
  )

  const hrefOf = (pages: SitePages, page: (typeof PAGE_NAMES)[number]) =>
    page === 'home' ? pages.home : pages[page].href
  const cold = new Map<string, PageRuns>()
  for (let run = 1; run <= runs; run++) {
    for (const page of PAGE_NAMES) {
      // Alternating sites, so a busy moment of the machine hits all of them.
      for (const site of sites) {
        const url = hrefOf(site.pages, page)
        const key = `${site.name} ${page}`
        const entry = cold.get(key) ?? { site: site.name, page, url, runs: [] }
        const lighthouse = await runCold(site.origin + url, devtoolsPort)
        const blocking4x = await blockingAt4x(site.origin + url, devtoolsPort)
        entry.runs.push({ ...lighthouse, blocking4x })
        cold.set(key, entry)
        log(
          `  run ${run}/${runs} ${key}: score ${lighthouse.score}, TBT ${Math.round(lighthouse.tbt)} ms (4× in Chromium: ${Math.round(blocking4x)} ms)`,
        )
      }
    }
  }

  for (const site of sites.filter((s) => s.zixun)) {
    const flows: FlowRun[] = []
    for (let run = 1; run <= runs; run++) {
      flows.push(
        await runFlow(
          {
            home: site.origin + site.pages.home,
            categoryOpener: '.category-toggle',
            categoryLink: `.category-nav a[href="${site.pages.category.href}"]`,
            categoryHeading: `h1.list-title::-p-text(${site.pages.category.name})`,
            articleLink: '.article-list h2 a',
            articleHeading: '.article-header h1',
          },
          devtoolsPort,
        ),
      )
    }
    const warm = await measureWarm(
      site.origin + site.pages.home,
      Number(values.warm),
    )
    const pick = (name: string) =>
      PAGE_NAMES.map((page) => cold.get(`${name} ${page}`)!)
    results.push({
      corpus: site.name,
      pages: pick(site.name),
      flows,
      warm,
      ...(site.name === 'shared' && cold.has('NexT home')
        ? { next: pick('NexT') }
        : {}),
    })
  }
} finally {
  await stopServers()
}
await writeFile(
  path.join(benchRoot, 'results.json'),
  JSON.stringify(results, null, 1),
)
log(
  `\nbench:web ${new Date().toISOString()}: Lighthouse 12.2.3, mobile, ${runs} cold runs each (median, range)\n`,
)
for (const result of results) {
  log(`${formatCorpus(result)}\n\n${formatInteractions(result)}\n`)
}
const failures = results.flatMap(checkBudgets)
if (failures.length > 0) {
  log(`Budgets failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
  process.exitCode = 1
} else {
  log('All budgets met.')
}
