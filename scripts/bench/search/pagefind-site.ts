import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as pagefind from 'pagefind'
import type { BenchArticle } from './queries.ts'

/**
 * The peer: the same articles indexed by Pagefind (npm `pagefind`, its
 * Node API), as a site of its own with a small harness page the browser
 * benchmark drives. Every record is Chinese (`zh`): Zixun's pages are
 * `zh-CN`, and Pagefind searches the index of the page's language.
 */
export async function buildPagefindSite(articles: BenchArticle[], dir: string) {
  return untilStalled(
    buildIndex(articles, dir),
    `Pagefind's indexer stopped answering while indexing ${articles.length} articles (its process exited; out of memory?)`,
  )
}

/**
 * `work`, or a rejection with `message` if the event loop runs dry first:
 * when Pagefind's indexer process dies (the kernel's OOM killer took it
 * at 100,000 articles), its promises never settle and Node would
 * otherwise exit silently, as if the bench were done.
 */
function untilStalled<T>(work: Promise<T>, message: string): Promise<T> {
  let onIdle = () => {}
  const stalled = new Promise<never>((_, reject) => {
    onIdle = () => reject(new Error(message))
  })
  process.once('beforeExit', onIdle)
  return Promise.race([work, stalled]).finally(() =>
    process.off('beforeExit', onIdle),
  )
}

async function buildIndex(articles: BenchArticle[], dir: string) {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const started = performance.now()
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' })
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
  for (const article of articles) {
    const added = await index.addCustomRecord({
      url: `/a/${article.id}`,
      content: article.text,
      language: 'zh',
      meta: { title: article.title },
    })
    if (added.errors.length > 0)
      throw new Error(`pagefind: ${added.errors.join('; ')}`)
  }
  await index.writeFiles({ outputPath: path.join(dir, 'pagefind') })
  await pagefind.close()
  const seconds = (performance.now() - started) / 1000
  writeFileSync(path.join(dir, 'index.html'), HARNESS)
  return { seconds, ...measureDir(path.join(dir, 'pagefind')) }
}

/** Files and bytes under `dir`. */
export function measureDir(dir: string): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  for (const entry of readdirSync(dir, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue
    files++
    bytes += readFileSync(path.join(entry.parentPath, entry.name)).length
  }
  return { files, bytes }
}

/**
 * Pagefind's result id (its fragment's hash) → our article id, read from
 * the fragments themselves (gzip, after Pagefind's signature), so recall
 * can be checked without fetching any fragment in the browser.
 */
export function fragmentIds(dir: string): Map<string, string> {
  const fragments = path.join(dir, 'pagefind', 'fragment')
  const ids = new Map<string, string>()
  for (const name of readdirSync(fragments)) {
    const text = gunzipSync(readFileSync(path.join(fragments, name))).toString(
      'utf8',
    )
    const json = text.slice(text.indexOf('{'))
    const { url } = JSON.parse(json) as { url: string }
    ids.set(
      name.replace(/\.pf_fragment$/, ''),
      url.replace(/^\/a\//, '').replace(/\/$/, ''),
    )
  }
  return ids
}

/**
 * The harness: `pagefindSearch(q, n)` runs Pagefind's search and loads the
 * first `n` results' data (what a results list shows), timed in the page;
 * `pagefindIds(q)` gives every result's id (nothing more is fetched).
 */
const HARNESS = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind bench</title></head>
<body><script type="module">
const pf = await import('/pagefind/pagefind.js')
window.pagefindSearch = async (q, n) => {
  const started = performance.now()
  const search = await pf.search(q)
  const data = await Promise.all(search.results.slice(0, n).map((r) => r.data()))
  return { ms: performance.now() - started, count: search.results.length, shown: data.length }
}
window.pagefindIds = async (q) => (await pf.search(q)).results.map((r) => r.id)
window.pagefindReady = true
</script></body></html>
`
