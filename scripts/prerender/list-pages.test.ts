import { describe, expect, test } from 'vitest'
import type { CategoryNode, Manifest } from '../../src/lib/article-schema.ts'
import {
  categoryPageFile,
  chooseListPages,
  parseListLimit,
} from './list-pages.ts'

describe('categoryPageFile', () => {
  test.each([
    [['编程'], 'c/编程/index.html'],
    [['编程', '开源中国', '资讯'], 'c/编程/开源中国/资讯/index.html'],
    [['IT 之家'], 'c/IT 之家/index.html'],
    [['C++', 'Node.js'], 'c/C++/Node.js/index.html'],
    [['🎉 活动'], 'c/🎉 活动/index.html'],
  ])('%j → %s', (categoryPath, file) => {
    expect(categoryPageFile(categoryPath)).toBe(file)
  })

  test.each([
    // A name holding "/" is one segment in the URL (%2F), two folders on disk.
    [['A/B']],
    [['A\\B']],
    [['100%']],
    [['Q?']],
    [['C#']],
    [['a:b']],
    [['..']],
    [['.hidden']],
    [[' padded']],
    [['padded ']],
    [['line\nbreak']],
    [['']],
    [['长'.repeat(70)]],
    [[]],
  ])('%j has no file (the shell serves it)', (categoryPath) => {
    expect(categoryPageFile(categoryPath)).toBeNull()
  })
})

function node(
  path: string[],
  count: number,
  children: CategoryNode[] = [],
): CategoryNode {
  return {
    key: path.join('-'),
    base: `categories/${path.join('-')}/h/`,
    count,
    pages: 1,
    name: path.at(-1)!,
    path,
    children,
  }
}

const manifest = (categories: CategoryNode[]): Manifest => ({
  version: 1,
  generated: '2026-01-01T00:00:00Z',
  title: '全部',
  total: 100,
  page_size: 24,
  all: { key: 'all', base: 'pages/all/h/', count: 100, pages: 5 },
  categories,
})

describe('chooseListPages', () => {
  const tree = manifest([
    node(['编程'], 40, [
      node(['编程', '开源中国'], 30),
      node(['编程', 'Rust'], 10),
    ]),
    node(['新媒体'], 60, [node(['新媒体', '36kr'], 20)]),
    node(['AI'], 3),
    node(['ai'], 2),
    node(['Tech'], 2, [node(['Tech', 'Web'], 1)]),
    node(['tech'], 1),
    node(['A/B'], 5),
  ])

  test('home first, then the top of the tree, the largest first on each level', () => {
    expect(chooseListPages(tree).map((page) => page.file)).toEqual([
      'index.html',
      'c/新媒体/index.html',
      'c/编程/index.html',
      'c/编程/开源中国/index.html',
      'c/新媒体/36kr/index.html',
      'c/编程/Rust/index.html',
    ])
  })

  test('names that differ only in case, or a folder on the way that does, get no file', () => {
    const files = chooseListPages(tree).map((page) => page.file)
    expect(files.filter((file) => /\/(ai|tech)\//i.test(file))).toEqual([])
  })

  test('pathnames are the app’s links', () => {
    const [home, first] = chooseListPages(tree)
    expect(home.pathname).toBe('/')
    expect(first.pathname).toBe('/c/%E6%96%B0%E5%AA%92%E4%BD%93')
  })

  test('is bounded: the rest is served by the shell', () => {
    expect(chooseListPages(tree, 2)).toHaveLength(3)
    expect(chooseListPages(tree, 0).map((page) => page.file)).toEqual([
      'index.html',
    ])
  })

  test('NFC and NFD spellings of one name are one folder on some file systems', () => {
    const cafe = manifest([
      node(['Caf\u00e9'], 2),
      node(['Cafe\u0301'], 1),
      node(['Café Bar'], 1),
    ])
    expect(chooseListPages(cafe).map((page) => page.file)).toEqual([
      'index.html',
      'c/Café Bar/index.html',
    ])
  })
})

test.each([
  [undefined, 500],
  ['0', 0],
  ['20', 20],
])('ZIXUN_PRERENDER_LISTS=%s → %s', (value, limit) => {
  expect(parseListLimit(value)).toBe(limit)
})

test('ZIXUN_PRERENDER_LISTS refuses what is not a whole number', () => {
  expect(() => parseListLimit('lots')).toThrow(/ZIXUN_PRERENDER_LISTS/)
})
