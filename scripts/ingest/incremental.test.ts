import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { main, type MainOptions } from './main.ts'

let root: string

// Each run starts worker threads; give the multi-run tests room.
vi.setConfig({ testTimeout: 30_000 })

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zixun-incr-'))
  writePosts(join(root, 'posts'), 150)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

/** Posts in three categories, with five slug duplicates for the workers to fight over. */
function writePosts(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const feed = ['A', 'B', 'C'][i % 3]
    const slug = i < 10 ? `slug: dup-${i % 5}\n` : ''
    const day = String(1 + (i % 28)).padStart(2, '0')
    const text = `---\ntitle: 'Post ${i}'\ncategories:\n - Top\n - ${feed}\n${slug}date: 2021-03-${day} 10:${String(i % 60).padStart(2, '0')}:00\n---\n<p>Body ${i} 正文。</p>\n`
    mkdirSync(join(dir, feed), { recursive: true })
    writeFileSync(join(dir, feed, `post ${i}.md`), text)
  }
}

function run(out: string, extra: Partial<MainOptions> = {}) {
  return main({
    inputs: [join(root, 'posts')],
    outDir: join(root, out),
    cacheDir: join(root, `${out}-cache`),
    workers: 0,
    ...extra,
  })
}

/** Every file under `dir` with its bytes, sorted by path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out[relative(dir, p)] = readFileSync(p, 'utf8')
    }
  }
  walk(dir)
  return out
}

test('two runs give byte-identical trees, with worker threads or without', async () => {
  await run('one', { workers: 2 })
  await run('two', { workers: 2 })
  await run('inline', { workers: 0 })
  const one = tree(join(root, 'one'))
  expect(Object.keys(one).length).toBeGreaterThan(150)
  expect(Object.keys(one).filter((f) => f.endsWith('.tmp'))).toEqual([])
  expect(tree(join(root, 'two'))).toEqual(one)
  expect(tree(join(root, 'inline'))).toEqual(one)
  const report = JSON.parse(one['ingest-report.json'])
  expect(report.counts).toEqual({
    written: 145,
    merged: 5,
    rejected: 0,
    skipped: 0,
  })
})

test('a re-run on unchanged input rewrites nothing', async () => {
  const first = await run('out', { workers: 2 })
  const article = join(
    root,
    'out',
    'articles',
    `${first.report.files[0].id}.json`,
  )
  const before = statSync(article).mtimeMs
  const second = await run('out', { workers: 2 })
  expect(second.inputs).toEqual({ converted: 0, cached: 150 })
  expect(second.files.written).toBe(0)
  expect(second.files.removed).toBe(0)
  expect(second.files.unchanged).toBeGreaterThan(150)
  expect(statSync(article).mtimeMs).toBe(before)
})

test('without its cache, a run still leaves identical article files untouched', async () => {
  const first = await run('out', { workers: 2 })
  expect(first.files.unchanged).toBe(0)
  const plain = first.report.files.find((f) => !f.id?.startsWith('dup-'))!
  const article = join(root, 'out', 'articles', `${plain.id}.json`)
  const before = statSync(article).mtimeMs
  rmSync(join(root, 'out-cache'), { recursive: true })
  const second = await run('out', { workers: 2 })
  expect(second.inputs.converted).toBe(150)
  // The 140 articles without a duplicate are compared on disk and kept;
  // list pages and the manifest are rewritten (no hashes to compare with).
  expect(second.files.unchanged).toBeGreaterThanOrEqual(140)
  expect(statSync(article).mtimeMs).toBe(before)
})

test('touching every post (new times, same bytes) converts nothing and rewrites nothing', async () => {
  await run('out', { workers: 2 })
  const later = new Date(Date.now() + 60_000)
  for (const feed of ['A', 'B', 'C']) {
    for (const name of readdirSync(join(root, 'posts', feed))) {
      utimesSync(join(root, 'posts', feed, name), later, later)
    }
  }
  const touched = await run('out', { workers: 2 })
  expect(touched.inputs).toEqual({ converted: 0, cached: 150 })
  expect(touched.files.written).toBe(0)
  // The new times are remembered, and the run after that hits the cache too.
  const again = await run('out', { workers: 2 })
  expect(again.inputs).toEqual({ converted: 0, cached: 150 })
})

test('a changed post rewrites only what changed and removes stale pages', async () => {
  // The search index's share is tested in write/search/search-index.test.ts.
  const lists = { search: false }
  await run('out', lists)
  const path = join(root, 'posts', 'B', 'post 100.md')
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace('Body 100', 'Body one hundred'),
  )
  const result = await run('out', lists)
  expect(result.inputs).toEqual({ converted: 1, cached: 149 })
  // its article, the pages of the lists it is in (all, Top, Top/B), the manifest
  expect(result.files.written).toBeLessThan(20)
  expect(result.files.written).toBeGreaterThan(1)
  expect(result.files.removed).toBe(result.files.written - 2)
  await run('fresh', lists)
  expect(tree(join(root, 'out'))).toEqual(tree(join(root, 'fresh')))
})

test('with the search index too, a changed post gives the tree a fresh run gives', async () => {
  await run('out')
  const path = join(root, 'posts', 'B', 'post 100.md')
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace('Body 100', 'Body one hundred'),
  )
  await run('out')
  await run('fresh')
  expect(tree(join(root, 'out'))).toEqual(tree(join(root, 'fresh')))
})

test('a deleted post disappears from the output', async () => {
  const first = await run('out')
  const entry = first.report.files.find((f) => f.file.endsWith('post 20.md'))!
  unlinkSync(join(root, 'posts', 'C', 'post 20.md'))
  const result = await run('out')
  expect(result.articles).toBe(first.articles - 1)
  expect(readdirSync(join(root, 'out', 'articles'))).not.toContain(
    `${entry.id}.json`,
  )
  await run('fresh')
  expect(tree(join(root, 'out'))).toEqual(tree(join(root, 'fresh')))
})

test('other options mean the inputs are read again', async () => {
  await run('out')
  const again = await run('out', { timeZone: 'Asia/Shanghai' })
  expect(again.inputs).toEqual({ converted: 150, cached: 0 })
  // zone-less dates moved by eight hours: every article file changed
  expect(again.files.written).toBeGreaterThan(145)
})

test('when a duplicate becomes the newer one, its bytes win on disk', async () => {
  await run('out', { workers: 2 })
  const path = join(root, 'posts', 'A', 'post 0.md')
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace('date: 2021-03-01', 'date: 2022-03-01'),
  )
  const result = await run('out', { workers: 2 })
  expect(result.inputs.converted).toBe(1)
  const dup = JSON.parse(
    readFileSync(join(root, 'out', 'articles', 'dup-0.json'), 'utf8'),
  )
  expect(dup.title).toBe('Post 0')
  await run('fresh')
  expect(tree(join(root, 'out'))).toEqual(tree(join(root, 'fresh')))
})
