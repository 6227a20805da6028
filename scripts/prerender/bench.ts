/**
 * Measures the prerenderer on a synthetic corpus: writes N summaries as
 * list pages into a temp site, prerenders it and prints the timings (the
 * SSR build of the renderer, which a build does once, apart).
 * Usage: tsx scripts/prerender/bench.ts [count=10000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { loadPrerenderer } from './load-prerenderer.ts'
import { prerenderSite } from './prerender.ts'
import { makeSummary, writeSite } from './test-data.ts'

const count = Number(process.argv[2] ?? 10_000)
const dir = mkdtempSync(path.join(tmpdir(), 'zixun-bench-'))
const title = '苹果 Safari 浏览器 Bug 曝光：网站可实时跟踪用户最近浏览活动'
try {
  await writeSite(
    dir,
    Array.from({ length: count }, (_, i) =>
      makeSummary(i + 1, i % 2 ? { title } : { title, image: `/i/${i}.jpg` }),
    ),
  )
  const loadStarted = performance.now()
  const createPrerenderer = await loadPrerenderer(
    path.resolve(import.meta.dirname, '../..'),
  )
  const loadMs = performance.now() - loadStarted
  const result = await prerenderSite({ distDir: dir, createPrerenderer })
  if (!result) throw new Error('nothing prerendered')
  const perThousand = (result.ms / count) * 1000
  console.log(
    `${count} articles: ${result.ms.toFixed(0)} ms (${perThousand.toFixed(0)} ms per 1,000), ` +
      `${(result.pageBytes / result.prerendered).toFixed(0)} bytes per page; ` +
      `renderer built and loaded in ${loadMs.toFixed(0)} ms`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
