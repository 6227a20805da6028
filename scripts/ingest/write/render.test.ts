import { expect, test } from 'vitest'
import type { IngestReport } from '../../../src/lib/article-schema.ts'
import { renderReport } from './report.ts'
import { renderPage } from './write-lists.ts'

test('a page assembled from item bytes is exactly JSON.stringify of the page', () => {
  const items = [
    { id: 'a', title: '标题 "1"' },
    { id: 'b', title: 'two\n' },
  ]
  const spec = { key: 'k1', title: '编程', dir: 'categories/k1', items: [] }
  const bytes = items.map((i) => Buffer.from(JSON.stringify(i)))
  const page = renderPage(spec, bytes, { page: 1, pages: 2, count: 30 })
  const expected = {
    version: 'https://jsonfeed.org/version/1.1',
    title: '编程',
    next_url: '2.json',
    items,
    _zixun: { list: 'k1', page: 1, pages: 2, count: 30 },
  }
  expect(page.toString()).toBe(`${JSON.stringify(expected)}\n`)
  const last = renderPage(spec, [], { page: 2, pages: 2, count: 30 })
  expect(JSON.parse(last.toString())).not.toHaveProperty('next_url')
})

test('the report has one line per file and parses back to itself', () => {
  const report: IngestReport = {
    version: 1,
    counts: { written: 1, merged: 0, rejected: 1, skipped: 1 },
    files: [
      { file: 'a.md', status: 'written', id: 'x' },
      { file: 'b "c".md', status: 'rejected', line: 3, reason: 'bad\nthing' },
      { file: 'c.png', status: 'skipped', reason: 'not a post or feed (.png)' },
    ],
  }
  const text = renderReport(report)
  expect(JSON.parse(text)).toEqual(report)
  expect(text.split('\n').filter((l) => l.includes('"file"'))).toHaveLength(3)
  expect(JSON.parse(renderReport({ ...report, files: [] })).files).toEqual([])
})
