import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { homedir, tmpdir, userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { IngestReport } from '../../src/lib/article-schema.ts'
import { convertInput } from './convert/convert-input.ts'
import { main } from './main.ts'

// Several roots, two of them named alike, with a post, a feed, a bad file,
// a skipped one and a broken link: everything the report can name.
let root: string
let out: string
let report: IngestReport

const POST = (title: string) =>
  `---\ntitle: ${title}\ndate: 2024-03-01 08:00:00\ncategories:\n - 新闻\n---\n<p>${title} 正文 <img src="img/a.png"></p>\n`
const FEED =
  '<rss version="2.0"><channel><title>Feed</title><link>https://feed.example/</link><item><title>Item</title><link>/items/1</link><pubDate>Fri, 01 Mar 2024 08:00:00 GMT</pubDate><description>&lt;p&gt;item&lt;/p&gt;</description></item></channel></rss>'

function write(rel: string, content: string): void {
  const path = join(root, rel)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'zixun-private-'))
  write('site-a/posts/2024/a.md', POST('A'))
  write('site-a/posts/notes.txt', 'not a post')
  write('site-a/posts/bad.md', '---\ntitle: [unclosed\n---\n')
  write('site-b/posts/2024/a.md', POST('B'))
  write('feeds/news.xml', FEED)
  symlinkSync(join(root, 'nowhere'), join(root, 'feeds', 'gone.md'))
  out = join(root, 'public', 'data')
  await main({
    inputs: [
      join(root, 'site-a/posts'),
      join(root, 'site-b/posts'),
      join(root, 'feeds'),
    ],
    outDir: out,
    cacheDir: join(root, 'cache'),
    workers: 0,
    log: () => {},
  })
  report = JSON.parse(readFileSync(join(out, 'ingest-report.json'), 'utf8'))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

test('the report names inputs by root folder name and relative path', () => {
  expect(report.files.map((f) => [f.file, f.status])).toEqual([
    ['posts/2024/a.md', 'written'],
    ['posts/bad.md', 'rejected'],
    ['posts/notes.txt', 'skipped'],
    ['posts-2/2024/a.md', 'written'],
    ['feeds/gone.md', 'rejected'],
    ['feeds/news.xml#1', 'written'],
  ])
})

test('nothing the ingest writes names a path of the machine', () => {
  const privateParts = [
    root,
    out,
    tmpdir(),
    homedir(),
    `/${userInfo().username}/`,
  ]
  const files = filesUnder(out)
  expect(files.length).toBeGreaterThan(5)
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const part of privateParts) {
      expect([file, text.includes(part)]).toEqual([file, false])
    }
  }
})

test('a file system error is reported without the path it names', () => {
  const gone = join(root, 'site-a', 'vanished.md')
  const [outcome] = convertInput(
    { path: gone, file: 'posts/vanished.md', relPath: 'vanished.md' },
    { timeZone: 'UTC' },
  )
  expect(outcome).toEqual({
    file: 'posts/vanished.md',
    ok: false,
    reason: 'cannot read file (ENOENT: no such file or directory)',
  })
})
