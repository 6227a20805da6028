import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Article, IngestReport } from '../../src/lib/article-schema.ts'
import { runCli } from './cli.ts'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zixun-skipped-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function write(rel: string, content: string | Uint8Array): void {
  const path = join(dir, 'in', rel)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}

const HEXO =
  '---\ntitle: 保存成文本的文章\ncategories:\n - 编程\n - 资讯\ndate: 2021-07-01 16:04:00\n---\n\n<p>正文，一段话。</p>\n'

async function ingest(...inputs: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await runCli(
    [
      ...inputs.flatMap((input) => ['-i', join(dir, input)]),
      ...['-o', join(dir, 'out'), '--cache', join(dir, 'cache')],
    ],
    { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) },
  )
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

function readOut<T>(rel: string): T {
  return JSON.parse(readFileSync(join(dir, 'out', rel), 'utf8')) as T
}

test('every file the ingest does not read is in the report as skipped, in walk order, and counted', async () => {
  write('a.md', HEXO.replace('保存成文本的文章', 'A'))
  write('cover.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
  write('notes/todo.txt', 'buy milk\n')
  write('notes/README', 'about these posts\n')
  write('notes/empty.txt', '')
  write('z.md', HEXO.replace('保存成文本的文章', 'Z'))
  // Hidden entries and node_modules are passed over without a word.
  write('.DS_Store', 'x')
  write('.git/config', '[core]\n')
  write('node_modules/pkg/readme.md', HEXO)
  const { code, stdout, stderr } = await ingest('in')
  expect(code).toBe(0)
  const report = readOut<IngestReport>('ingest-report.json')
  expect(report.files.map((f) => [f.file, f.status, f.reason])).toEqual([
    ['a.md', 'written', undefined],
    ['cover.png', 'skipped', 'not a post or feed (.png)'],
    ['notes/README', 'skipped', 'not a post or feed (no extension)'],
    ['notes/empty.txt', 'skipped', 'not read as a post: empty file'],
    [
      'notes/todo.txt',
      'skipped',
      'no front matter: a .txt file is read as a post only when it starts with front matter',
    ],
    ['z.md', 'written', undefined],
  ])
  expect(report.counts).toEqual({
    written: 2,
    merged: 0,
    rejected: 0,
    skipped: 4,
  })
  expect(stdout).toMatch(
    /2 written, 0 merged, 0 rejected, 4 skipped \(no posts or feeds\)/,
  )
  expect(stderr).toBe(
    'skipped: 4 files that are no posts or feeds (.txt 2, .png 1, no extension 1); ingest-report.json lists them',
  )
})

test('a Hexo post saved as .txt is read as the same post saved as .md', async () => {
  write('txt/post.txt', HEXO)
  write('md/post.md', HEXO)
  await ingest('in/txt', 'in/md')
  const report = readOut<IngestReport>('ingest-report.json')
  expect(report.files.map((f) => [f.file, f.status])).toEqual([
    ['txt/post.txt', 'written'],
    ['md/post.md', 'written'],
  ])
  const [fromTxt, fromMd] = report.files.map((f) => {
    const {
      id: _id,
      url: _url,
      ...rest
    } = readOut<Article>(`articles/${f.id}.json`)
    return rest
  })
  expect(fromTxt).toEqual(fromMd)
  expect(fromTxt.title).toBe('保存成文本的文章')
  expect(fromTxt._zixun.categories).toEqual([['编程', '资讯']])
  expect(fromTxt.content_html).toBe('<p>正文，一段话。</p>')
})

test('an input with nothing to read says what it holds instead, and exits 2', async () => {
  write('photo.jpg', 'jpeg')
  write('more/photo.jpg', 'jpeg')
  write('notes.pdf', 'pdf')
  const { code, stderr } = await ingest('in')
  expect(code).toBe(2)
  expect(stderr).toMatch(
    /^ingest: no posts or feeds found in .*in \(only 3 other files: \.jpg 2, \.pdf 1\)$/,
  )
})

test('a file named as an input is read whatever its extension', async () => {
  write('post.text', HEXO)
  const { code } = await ingest('in/post.text')
  expect(code).toBe(0)
  const report = readOut<IngestReport>('ingest-report.json')
  expect(report.files).toMatchObject([{ file: 'post.text', status: 'written' }])
})
