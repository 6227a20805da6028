import { createHash } from 'node:crypto'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import type {
  Article,
  CategoryPath,
  Manifest,
} from '../../src/lib/article-schema.ts'
import { generateDemoCorpus } from '../demo/generate.ts'
import { REAL_SHAPED } from '../demo/quirks.ts'
import { main } from './main.ts'
import { toBase32 } from './shared/hash.ts'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zixun-lists-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

/**
 * The lists as the ingest wrote them before they were streamed (every
 * summary in memory, sorted, cut into pages), rebuilt from the article
 * files alone: path → bytes of every page, and the manifest's list refs.
 */
function expectedLists(out: string) {
  const dir = join(out, 'articles')
  const summaries = readdirSync(dir).map((name) => {
    const { content_html: _body, ...summary } = JSON.parse(
      readFileSync(join(dir, name), 'utf8'),
    ) as Article
    return summary
  })
  const ms = (s: (typeof summaries)[number]) => Date.parse(s.date_published)
  summaries.sort(
    (a, b) => ms(b) - ms(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  const items = summaries.map((s) => JSON.stringify(s))
  const files = new Map<string, string>()
  const list = (key: string, title: string, dir: string, members: number[]) => {
    const digest = createHash('sha256')
    digest.update(`${key}\u0000${title}\u000024`).update(new Uint8Array(1))
    for (const m of members) digest.update(items[m]).update(new Uint8Array(1))
    const base = `${dir}/${toBase32(digest.digest()).slice(0, 10)}/`
    const pages = Math.ceil(members.length / 24)
    for (let page = 1; page <= pages; page++) {
      const pageItems = members.slice((page - 1) * 24, page * 24)
      const next = page < pages ? `,"next_url":"${page + 1}.json"` : ''
      const meta = JSON.stringify({
        list: key,
        page,
        pages,
        count: members.length,
      })
      files.set(
        `${base}${page}.json`,
        `{"version":"https://jsonfeed.org/version/1.1","title":${JSON.stringify(title)}${next},"items":[${pageItems.map((m) => items[m]).join(',')}],"_zixun":${meta}}\n`,
      )
    }
    return { key, count: members.length, pages, base }
  }
  type Node = {
    name: string
    path: CategoryPath
    members: number[]
    children: Map<string, Node>
  }
  const roots = new Map<string, Node>()
  summaries.forEach((s, index) => {
    for (const path of s._zixun.categories) {
      let level = roots
      path.forEach((name, depth) => {
        let node = level.get(name)
        if (!node) {
          node = {
            name,
            path: path.slice(0, depth + 1),
            members: [],
            children: new Map(),
          }
          level.set(name, node)
        }
        if (node.members.at(-1) !== index) node.members.push(index)
        level = node.children
      })
    }
  })
  const key = (path: CategoryPath) =>
    toBase32(createHash('sha256').update(JSON.stringify(path)).digest()).slice(
      0,
      10,
    )
  const refs = (nodes: Map<string, Node>): Manifest['categories'] =>
    [...nodes.values()]
      .sort(
        (a, b) =>
          b.members.length - a.members.length ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      )
      .map((node) => ({
        ...list(
          key(node.path),
          node.name,
          `categories/${key(node.path)}`,
          node.members,
        ),
        name: node.name,
        path: node.path,
        children: refs(node.children),
      }))
  const all = list(
    'all',
    '全部',
    'pages/all',
    items.map((_, i) => i),
  )
  return { files, all, categories: refs(roots) }
}

/**
 * Posts the demo corpus lacks: many on one date (the id decides their
 * order) and posts filed under two paths that share a node.
 */
function writeTiesAndSharedNodes(dir: string): void {
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < 60; i++) {
    const categories =
      i % 2 === 0
        ? `categories:\n  - [编程, 开源中国]\n  - [编程, 掘金]\n  - [游戏]\n`
        : `categories:\n  - 编程\n  - 开源中国\n`
    writeFileSync(
      join(dir, `tie ${i}.md`),
      `---\ntitle: '同一时刻 ${i}'\n${categories}date: 2021-05-09 08:00:00\n---\n<p>正文 ${i}</p>\n`,
    )
  }
}

function listFiles(out: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const top of ['pages', 'categories']) {
    for (const name of readdirSync(join(out, top), { recursive: true })) {
      const path = join(out, top, String(name))
      if (!String(name).endsWith('.json')) continue
      files.set(
        relative(out, path).split('\\').join('/'),
        readFileSync(path, 'utf8'),
      )
    }
  }
  return files
}

test.each([
  ['the demo corpus', {}],
  ['a real-shaped demo corpus', { quirks: REAL_SHAPED }],
])(
  'the lists of %s are exactly those made from every summary held in memory',
  async (name, extra) => {
    const posts = join(root, `${name}-posts`)
    const out = join(root, `${name}-out`)
    await generateDemoCorpus({ count: 700, outDir: posts, ...extra })
    writeTiesAndSharedNodes(join(posts, 'ties'))
    const result = await main({
      inputs: [posts],
      outDir: out,
      cacheDir: join(root, `${name}-cache`),
      workers: 2,
    })
    const expected = expectedLists(out)
    expect(result.articles).toBeGreaterThan(600)
    const manifest = JSON.parse(
      readFileSync(join(out, 'manifest.json'), 'utf8'),
    ) as Manifest
    expect(manifest.all).toEqual(expected.all)
    expect(manifest.categories).toEqual(expected.categories)
    const written = listFiles(out)
    expect([...written.keys()].sort()).toEqual(
      [...expected.files.keys()].sort(),
    )
    for (const [path, text] of expected.files)
      expect(written.get(path), path).toBe(text)
  },
)
