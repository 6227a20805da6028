import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import {
  readStoredSegment,
  type FeedMeta,
} from '../read/subscriptions/stored-items.ts'
import { FeedHistory, type Incoming } from './feed-history.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zixun-history-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const META: FeedMeta = { title: 'Feed', category: ['科技'], key: 'k1' }

function items(from: number, to: number, body = 'body'): Incoming[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({
    key: `guid:${from + i}`,
    dateMs: 1_700_000_000_000 + (from + i) * 1000,
    item: {
      data: { title: `第 ${from + i} 条`, guid: String(from + i) },
      html: `<p>${body}</p>`,
    },
  }))
}

function stored(): string[] {
  const history = FeedHistory.open(dir)
  return history
    .segmentPaths()
    .flatMap((path) =>
      readStoredSegment(
        { path, file: 'f', relPath: 'r' },
        { text: readFileSync(path, 'utf8'), mtimeMs: 0 },
      ).map((post) => `${String(post.data.title)} ${post.html}`),
    )
}

test('new items are appended, changed ones replaced where they are, unchanged ones left alone', async () => {
  const history = FeedHistory.open(dir)
  expect(await history.merge(items(1, 3), META, 1)).toEqual({
    added: ['guid:1', 'guid:2', 'guid:3'],
    updated: [],
  })
  const changed = items(2, 5)
  changed[0].item.html = '<p>corrected</p>'
  expect(await history.merge(changed, META, 2)).toEqual({
    added: ['guid:4', 'guid:5'],
    updated: ['guid:2'],
  })
  expect(stored()).toEqual([
    '第 1 条 <p>body</p>',
    '第 2 条 <p>corrected</p>',
    '第 3 条 <p>body</p>',
    '第 4 条 <p>body</p>',
    '第 5 条 <p>body</p>',
  ])
  const reopened = FeedHistory.open(dir)
  expect(reopened.size).toBe(5)
  expect(reopened.read(['guid:2']).get('guid:2')?.firstSeen).toBe(1)
})

test('a line cut by a crash is dropped on open, a temporary file is removed, nothing else is lost', async () => {
  await FeedHistory.open(dir).merge(items(1, 2), META, 1)
  const segment = join(dir, 'items-0001.jsonl')
  appendFileSync(segment, '"guid:3"\t0000\t17\t{"data":{"title":"cut')
  writeFileSync(join(dir, 'items-0001.jsonl.tmp-4242'), 'half a rewrite')
  expect(stored()).toEqual(['第 1 条 <p>body</p>', '第 2 条 <p>body</p>'])
  expect(readdirSync(dir)).toEqual(['items-0001.jsonl'])
  expect(readFileSync(segment, 'utf8').endsWith('\n')).toBe(true)
  const history = FeedHistory.open(dir)
  expect((await history.merge(items(3, 3), META, 2)).added).toEqual(['guid:3'])
  expect(stored()).toHaveLength(3)
})

test('a new meta (the list moved the feed to another folder) is written into every segment', async () => {
  await FeedHistory.open(dir).merge(items(1, 2), META, 1)
  await FeedHistory.open(dir).merge([], { ...META, category: ['新闻'] }, 2)
  const [path] = FeedHistory.open(dir).segmentPaths()
  const posts = readStoredSegment(
    { path, file: 'f', relPath: 'r' },
    { text: readFileSync(path, 'utf8'), mtimeMs: 0 },
  )
  expect(posts.map((p) => p.data.categories)).toEqual([['新闻'], ['新闻']])
})

test('segments roll over at a thousand items', async () => {
  const history = FeedHistory.open(dir)
  await history.merge(items(1, 1500), META, 1)
  expect(readdirSync(dir).sort()).toEqual([
    'items-0001.jsonl',
    'items-0002.jsonl',
  ])
  expect(FeedHistory.open(dir).size).toBe(1500)
})
