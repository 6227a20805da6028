import { describe, expect, test } from 'vitest'
import type { ArticleSummary, ListPage } from '@/lib/article-schema'
import { findNeighbours, type PageReader } from './find-neighbours'

const PAGE_SIZE = 3

/** Article `n` (1-based) of a newest-first list: one hour older per step. */
function item(n: number): ArticleSummary {
  return {
    id: `a${n}`,
    url: `/a/a${n}`,
    title: `Article ${n}`,
    summary: '',
    date_published: new Date(
      Date.UTC(2026, 0, 1) - n * 3_600_000,
    ).toISOString(),
    authors: [],
    tags: [],
    _zixun: { categories: [], reading_minutes: 1 },
  }
}

/** A list of `count` articles; records which pages were read. */
function list(count: number, cached: number[] = []) {
  const pages = Math.ceil(count / PAGE_SIZE)
  const read: number[] = []
  const reader: PageReader = {
    read: async (page) => {
      read.push(page)
      const first = (page - 1) * PAGE_SIZE + 1
      const items = Array.from(
        { length: Math.min(PAGE_SIZE, count - first + 1) },
        (_, i) => item(first + i),
      )
      return { items, _zixun: { page, pages } } as ListPage
    },
    isCached: (page) => cached.includes(page),
  }
  return { pages, reader, read }
}

describe('previous and next in a list', () => {
  test('are the newer and the older article around it', async () => {
    const { reader, read } = list(9)
    expect(await findNeighbours(item(2), reader)).toEqual({
      previous: item(1),
      next: item(3),
    })
    expect(read).toEqual([1])
  })

  test('read one page more when the article ends a page', async () => {
    const { reader, read } = list(9)
    expect(await findNeighbours(item(3), reader)).toEqual({
      previous: item(2),
      next: item(4),
    })
    expect(read).toEqual([1, 2])
  })

  test('have no next at the end of the list, no previous at its start', async () => {
    const { reader } = list(5)
    expect(await findNeighbours(item(5), reader)).toEqual({
      previous: item(4),
      next: undefined,
    })
    expect(await findNeighbours(item(1), reader)).toEqual({
      previous: undefined,
      next: item(2),
    })
  })

  test('stop reading once the list is older than an article it does not hold', async () => {
    const { reader, read } = list(30)
    const elsewhere = { id: 'other', date_published: item(4).date_published }
    expect(await findNeighbours(elsewhere, reader)).toEqual({})
    expect(read).toEqual([1, 2])
  })

  test('fetch at most ten pages, while loaded pages cost nothing', async () => {
    const cold = list(60)
    expect(await findNeighbours(item(40), cold.reader)).toEqual({})
    expect(cold.read).toHaveLength(10)
    const loaded = list(60, [1, 2, 3, 4, 5, 6, 7, 8])
    expect(await findNeighbours(item(40), loaded.reader)).toEqual({
      previous: item(39),
      next: item(41),
    })
    expect(loaded.read).toHaveLength(14)
  })
})
