import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { IngestReport, ReportEntry } from '../../src/lib/article-schema.ts'
import { main } from './main.ts'

// Bad input, made at test time (binary and 10 MB files stay out of git).
let root: string
let report: IngestReport
const log: string[] = []

const OK = '---\ntitle: Fine\ndate: 2021-01-01\n---\n<p>fine</p>\n'

const files: Record<string, string | Uint8Array> = {
  'ok.md': OK,
  'empty.md': '',
  'blank.md': '  \n\n\t\n',
  'binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]),
  'invalid-utf8.md': Buffer.concat([
    Buffer.from('---\ntitle: x\n---\n<p>'),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from('</p>'),
  ]),
  'truncated.md': '---\ntitle: Cut off\ncategories:\n - a\n',
  'bad-yaml.md': '---\ntitle: x\ncategories: [a, b\n---\nbody',
  'bad-toml.md': '+++\ntitle = "x\n+++\nbody',
  'bad-date.md':
    '---\ntitle: When?\ndate: the day after tomorrow\n---\n<p>text</p>',
  'no-title-no-body.md': '---\ndate: 2021-01-01\n---\n\n',
  'draft.md': '---\ntitle: Not yet\ndraft: true\ndate: 2021-01-01\n---\nbody',
  'huge.md': `---\ntitle: Huge\n---\n<p>${'x'.repeat(10 * 1024 * 1024)}</p>`,
  'mojibake.md':
    '---\ntitle: ä¸\u00adæ\u0096\u0087æ\u00a0\u0087é¢\u0098\ndate: 2021-01-02\n---\n<p>æ\u00ad£æ\u0096\u0087</p>',
  'broken.xml':
    '<?xml version="1.0"?><rss><channel><title>Cut</title><item><title>One</title><link>https://a.example/1</link><pubDate>Mon, 01 Feb 2021 00:00:00 GMT</pubDate><description>d</description></item><item><title>Tw',
  'not-a-feed.xml': '<?xml version="1.0"?><html><body>hi</body></html>',
  'empty-feed.xml':
    '<rss version="2.0"><channel><title>None</title></channel></rss>',
  'bad.json':
    '{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": [\n    { "id": 1, }\n  ]\n}',
  'not-a-feed.json': '{ "name": "package" }',
  'gbk.xml': Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="gbk"?><rss><channel><title>'),
    Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), // 中文 in GBK
    Buffer.from(
      '</title><item><title>GBK</title><link>https://gbk.example/1</link><pubDate>Mon, 01 Feb 2021 00:00:00 GMT</pubDate></item></channel></rss>',
    ),
  ]),
  'unknown-charset.xml':
    '<?xml version="1.0" encoding="x-klingon"?><rss></rss>',
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'zixun-bad-'))
  const input = join(root, 'in')
  mkdirSync(join(input, 'loop'), { recursive: true })
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(input, name), content)
  symlinkSync('..', join(input, 'loop', 'back'))
  symlinkSync(join(input, 'missing-target'), join(input, 'dangling.md'))
  await main({
    inputs: [input],
    outDir: join(root, 'out'),
    cacheDir: join(root, 'cache'),
    log: (l) => log.push(l),
  })
  report = JSON.parse(
    readFileSync(join(root, 'out', 'ingest-report.json'), 'utf8'),
  ) as IngestReport
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

function entry(name: string): ReportEntry {
  const found = report.files.find((e) => e.file === name)
  if (!found)
    throw new Error(
      `${name} is not in the report: ${report.files.map((f) => f.file).join(', ')}`,
    )
  return found
}

test.each([
  ['empty.md', 'empty file', undefined],
  ['blank.md', 'empty file (only whitespace)', undefined],
  ['binary.md', 'binary file, not text', undefined],
  ['invalid-utf8.md', /^invalid UTF-8 at byte 21 /, undefined],
  [
    'truncated.md',
    'front matter opened with "---" is never closed (truncated file?)',
    1,
  ],
  ['bad-yaml.md', /^YAML front matter: /, 3],
  ['bad-toml.md', /^TOML front matter: /, 2],
  ['no-title-no-body.md', 'empty post: no title and no body', undefined],
  ['draft.md', 'draft (published: false / draft: true)', undefined],
  ['huge.md', 'file is 10.0 MB, over the 4.0 MB limit for a post', undefined],
  ['not-a-feed.xml', 'XML root is <html>, not an RSS or Atom feed', undefined],
  ['empty-feed.xml', 'feed has no items', undefined],
  ['bad.json', /^invalid JSON: /, 4],
  ['not-a-feed.json', 'JSON is not a JSON Feed (no "items" list)', undefined],
  ['unknown-charset.xml', 'unknown charset "x-klingon"', undefined],
  ['dangling.md', 'broken symbolic link', undefined],
  [
    'loop/back',
    'symlink loop: this folder links back to a folder that contains it',
    undefined,
  ],
])('%s is rejected with a clear reason', (name, reason, line) => {
  const e = entry(name)
  expect(e.status).toBe('rejected')
  if (typeof reason === 'string') expect(e.reason).toBe(reason)
  else expect(e.reason).toMatch(reason)
  expect(e.line).toBe(line)
  expect(log).toContain(
    `rejected: ${e.file}${line ? `:${line}` : ''}: ${e.reason}`,
  )
})

test('one bad file never stops the others', () => {
  expect(entry('ok.md').status).toBe('written')
  expect(report.counts.written).toBeGreaterThanOrEqual(4)
})

test('an unreadable date falls back to the file time and says so', () => {
  expect(entry('bad-date.md')).toMatchObject({
    status: 'written',
    reason:
      'unreadable date "the day after tomorrow"; used the file\'s modification time',
  })
})

test('double-encoded UTF-8 is repaired', () => {
  const { id } = entry('mojibake.md')
  const article = JSON.parse(
    readFileSync(join(root, 'out', 'articles', `${id}.json`), 'utf8'),
  )
  expect(article.title).toBe('中文标题')
  expect(article.summary).toBe('正文')
})

test('a truncated feed is read leniently and the report says so', () => {
  const first = report.files.find((e) => e.file === 'broken.xml#1')
  expect(first?.status).toBe('written')
  expect(first?.reason).toMatch(/^malformed XML: <rss> is never closed/)
})

test('a feed in a declared charset is decoded', () => {
  const item = report.files.find((e) => e.file === 'gbk.xml#1')
  expect(item?.status).toBe('written')
  const article = JSON.parse(
    readFileSync(join(root, 'out', 'articles', `${item?.id}.json`), 'utf8'),
  )
  expect(article._zixun.source).toBe('中文')
})

test('a wrong <meta charset> in a UTF-8 post body does not lose the post', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zixun-meta-'))
  const input = join(dir, 'in')
  mkdirSync(input)
  writeFileSync(
    join(input, 'meta.md'),
    '---\ntitle: 编码\ndate: 2024-01-01\n---\n<meta charset="x-klingon"><p>正文</p>\n',
  )
  await main({
    inputs: [input],
    outDir: join(dir, 'out'),
    log: () => {},
    cacheDir: join(dir, 'cache'),
  })
  const written = JSON.parse(
    readFileSync(join(dir, 'out', 'ingest-report.json'), 'utf8'),
  ) as IngestReport
  rmSync(dir, { recursive: true, force: true })
  expect(written.files).toMatchObject([{ status: 'written' }])
})
