import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { SpillFile } from '../../shared/spill-file.ts'
import type { Done } from '../../workers/run-task.ts'
import { ArticleTable, rankOf } from './article-table.ts'
import { Dedupe, MIXED, UNSEEN } from './dedupe.ts'

let dir: string
let spill: SpillFile
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zixun-table-'))
  spill = new SpillFile(join(dir, 'items'))
})
afterEach(() => {
  spill.remove()
  rmSync(dir, { recursive: true, force: true })
})

function done(id: string, extra: Partial<Done> = {}): Done {
  return {
    id,
    dateMs: Date.UTC(2021, 4, 9),
    notes: [],
    paths: [['编程', '开源中国']],
    itemBytes: Buffer.from(JSON.stringify({ id, title: `标题 ${id}` })),
    file: `posts/${id}.md`,
    ok: true,
    articleHash: 'AAAAAAAAAAAAAAAAAAA' + id.slice(-1),
    written: true,
    onDisk: true,
    ...extra,
  }
}

test('a row gives back every field it was made from', () => {
  const table = new ArticleTable(spill)
  const feedItem = done('b', {
    link: 'https://example.com/b',
    notes: ['no date; used the file time'],
    file: 'feed.xml#2',
    onDisk: false,
    paths: [['新媒体'], ['编程', '开源中国']],
  })
  expect(table.add(done('a'), 0, 0, 'posts/a.md')).toBe(0)
  expect(table.add(feedItem, 7, 1, 'feed.xml')).toBe(1)
  const taskFile = (task: number) => (task === 0 ? 'posts/a.md' : 'feed.xml')
  expect(table.count).toBe(2)
  expect([table.id(1), table.link(1), table.link(0)]).toEqual([
    'b',
    'https://example.com/b',
    undefined,
  ])
  expect([table.file(0, taskFile), table.file(1, taskFile)]).toEqual([
    'posts/a.md',
    'feed.xml#2',
  ])
  expect(table.notes(1)).toEqual(['no date; used the file time'])
  expect(table.notes(0)).toEqual([])
  expect([table.task(1), table.item(1), table.rank(1)]).toEqual([
    7,
    1,
    rankOf(7, 1),
  ])
  expect(table.dateMs(0)).toBe(Date.UTC(2021, 4, 9))
  expect(table.articleHash(1)).toBe('AAAAAAAAAAAAAAAAAAAb')
  expect([table.onDisk(0), table.onDisk(1)]).toEqual([true, false])
  expect(table.paths(1)).toEqual([['新媒体'], ['编程', '开源中国']])
  expect(
    table.listItems([1, 0], 0, 2).map((b) => JSON.parse(b.toString())),
  ).toEqual([
    { id: 'b', title: '标题 b' },
    { id: 'a', title: '标题 a' },
  ])
})

test('articles filed the same way share one list of paths', () => {
  const table = new ArticleTable(spill)
  for (let i = 0; i < 3000; i++) table.add(done(`p${i}`), i, 0, '')
  table.add(done('other', { paths: [['游戏']] }), 3000, 0, '')
  expect(table.distinctPaths).toHaveLength(2)
  expect(table.pathSet(2999)).toBe(0)
  expect(table.pathSet(3000)).toBe(1)
  expect(table.paths(1234)).toBe(table.paths(0))
  expect(table.articleHash(2999)).toBe('AAAAAAAAAAAAAAAAAAA9')
})

test('a hash that is not a content hash is refused, not stored wrong', () => {
  const table = new ArticleTable(spill)
  expect(() =>
    table.add(done('a', { articleHash: 'short' }), 0, 0, ''),
  ).toThrow(/not a content hash/)
})

test('duplicates: newer wins by id, then by original link; losers say into what', () => {
  const table = new ArticleTable(spill)
  const dedupe = new Dedupe(table)
  const day = (d: number) => Date.UTC(2021, 4, d)
  const rows = [
    done('x', { dateMs: day(1), articleHash: 'AAAAAAAAAAAAAAAAAAA1' }),
    done('x', { dateMs: day(2), articleHash: 'AAAAAAAAAAAAAAAAAAA2' }),
    done('y', { dateMs: day(3), link: 'https://e.com/1' }),
    done('z', { dateMs: day(4), link: 'https://e.com/1', onDisk: false }),
    done('w', { dateMs: day(4) }),
  ].map((d, task) => table.add(d, task, 0, d.file))
  rows.forEach((row) => dedupe.add(row))
  const resolved = dedupe.resolve()
  expect(Array.from(resolved.winners).map((r) => table.id(r))).toEqual([
    'x',
    'z',
    'w',
  ])
  expect(
    Array.from(resolved.losers, (row, i) => [
      table.id(row),
      resolved.reasons[i],
      table.id(resolved.mergedInto[i]),
    ]),
  ).toEqual([
    ['x', 'same id', 'x'],
    ['y', 'same original link', 'z'],
  ])
  // Two different bytes were left at x's file; z's thread wrote nothing.
  expect(dedupe.diskRow('x')).toBe(MIXED)
  expect(dedupe.diskRow('z')).toBe(UNSEEN)
  expect(dedupe.diskRow('w')).toBe(rows[4])
  expect(dedupe.bestRow('x')).toBe(rows[1])
})
