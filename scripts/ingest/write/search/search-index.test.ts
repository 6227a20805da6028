import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createRandom } from '../../../demo/prng.ts'
import { Search, type SortOrder } from '../../../../src/lib/search/engine.ts'
import { IndexReader } from '../../../../src/lib/search/index-reader.ts'
import {
  matchText,
  type ArticleText,
} from '../../../../src/lib/search/match-text.ts'
import { parseQuery } from '../../../../src/lib/search/parse-query.ts'
import { planQuery } from '../../../../src/lib/search/query-plan.ts'
import { parseSearchMeta } from '../../../../src/lib/search/search-schema.ts'
import { encodeSearchRecord } from '../../convert/search/search-record.ts'
import { categoryKey } from '../category-tree.ts'
import { OutputWriter } from '../output-writer.ts'
import { writeSearchIndex, type Indexed } from './write-search-index.ts'

/**
 * The index as written, read back by the engine, against an oracle that
 * reads every article's text: for each query the engine must give exactly
 * the oracle's hits in the oracle's order, to the last page. The corpus is
 * small with a skewed vocabulary and tier 0 holds 4 postings, so queries
 * cross tiers, read texts and mix both.
 */

const WORDS =
  'open source code data model cloud chip game market energy rocket policy'.split(
    ' ',
  )
const HAN = [
  ...'人工智能开源软件市场芯片数据模型云游戏能源火箭政策新闻中国发布公司',
]
const COUNT = 300

let root: string
let reader: IndexReader
const articles: ArticleText[] = []
const categoryOf: string[][] = []

function pick<T>(
  random: ReturnType<typeof createRandom>,
  items: readonly T[],
): T {
  // Skewed: early items are common.
  return items[Math.floor(items.length * random.next() ** 2.5)]
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'zixun-search-'))
  const random = createRandom('search-index-test')
  const sorted: Indexed[] = []
  const records = new Map<string, Uint8Array>()
  for (let docnum = 0; docnum < COUNT; docnum++) {
    const english = random.chance(0.5)
    const part = () =>
      english
        ? Array.from({ length: random.int(2, 12) }, () =>
            pick(random, WORDS),
          ).join(' ')
        : Array.from({ length: random.int(2, 16) }, () =>
            pick(random, HAN),
          ).join('')
    const title = part()
    const text = Array.from({ length: random.int(1, 6) }, part).join(
      english ? '. ' : '，',
    )
    articles.push({ title, text })
    categoryOf.push(['Top', random.chance(0.3) ? 'A' : 'B'])
    const articleHash = `hash-${docnum}`.padEnd(20, '-')
    records.set(articleHash, encodeSearchRecord(title, text))
    sorted.unshift({
      id: `doc-${docnum}`,
      articleHash,
      paths: [categoryOf[docnum]],
    })
  }
  const writer = new OutputWriter(join(root, 'out'))
  await writeSearchIndex(
    writer,
    sorted,
    {
      get: (hash) => records.get(hash),
      size: (hash) => records.get(hash)?.length ?? 0,
      save: () => {},
    },
    { codeVersion: 'test', spillDir: join(root, 'spill'), topTier: 4 },
  )
  const read = (path: string) => readFileSync(join(root, 'out', path))
  const files = {
    bytes: async (path: string) => new Uint8Array(read(path)),
    json: async (path: string) =>
      JSON.parse(read(path).toString('utf8')) as unknown,
  }
  reader = new IndexReader(
    parseSearchMeta(JSON.parse(read('search/index.json').toString())),
    files,
  )
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

type Options = { sort?: SortOrder; category?: string[] }

async function engine(q: string, options: Options = {}) {
  const search = await Search.start(reader, parseQuery(q), {
    sort: options.sort,
    category: options.category && categoryKey(options.category),
    text: async (docnum) => articles[docnum],
  })
  const hits: number[] = []
  while (!search.done)
    for (const hit of await search.next(7)) hits.push(hit.docnum)
  return { hits, estimate: search.estimate() }
}

async function oracle(q: string, options: Options = {}) {
  const query = parseQuery(q)
  if (query.problem) return []
  const plan = await planQuery(reader, query)
  if (plan.impossible) return []
  const hits: Array<{ docnum: number; score: number }> = []
  articles.forEach((article, docnum) => {
    const path = options.category
    if (path && !path.every((name, i) => categoryOf[docnum][i] === name)) return
    const text = matchText(query, article, plan.terms, reader.meta.avg_units)
    if (!text.matches) return
    let score = 0
    for (const need of plan.needs) {
      const best = Math.max(
        ...need.alternatives.map(
          (a) => a.weight * (text.impacts.get(a.term) ?? 0),
        ),
      )
      if (best === 0) return
      score += best
    }
    hits.push({ docnum, score })
  })
  if (options.sort === 'newest') hits.sort((a, b) => b.docnum - a.docnum)
  else hits.sort((a, b) => b.score - a.score || b.docnum - a.docnum)
  return hits.map((h) => h.docnum)
}

const QUERIES = [
  'open ',
  'rocket ',
  'open source ',
  'open code market ',
  '"open source" ',
  '"source open" ',
  'open -code ',
  'data -"open source" ',
  'ope',
  'ma',
  'open so',
  '人',
  '人工',
  '人工智能',
  '市场 芯片',
  '"软件 开源"',
  '开源 -人工',
  '中国发布公司',
  'zebra ',
  'open zebra ',
  '-open',
  '',
]

describe('the engine finds what the oracle finds, in its order', () => {
  test.each(QUERIES)('%j', async (q) => {
    const found = await engine(q)
    expect(found.hits).toEqual(await oracle(q))
    expect(found.estimate).toEqual({ count: found.hits.length, exact: true })
  })

  test.each(QUERIES)('%j, newest first', async (q) => {
    const found = await engine(q, { sort: 'newest' })
    expect(found.hits).toEqual(await oracle(q, { sort: 'newest' }))
  })

  test.each(['open ', '人工', 'market -data ', '"open source" '])(
    '%j in category Top › A',
    async (q) => {
      const category = ['Top', 'A']
      const found = await engine(q, { category })
      expect(found.hits).toEqual(await oracle(q, { category }))
    },
  )
})

test('a single term counts its articles exactly before the first page', async () => {
  const search = await Search.start(reader, parseQuery('open '), {
    text: async (d) => articles[d],
  })
  const first = await search.next(5)
  expect(first).toHaveLength(5)
  const all = await oracle('open ')
  expect(search.estimate()).toEqual({ count: all.length, exact: true })
})

/** Queries made from the articles themselves: words, CJK substrings, phrases, exclusions. */
function randomQueries(count: number): string[] {
  const random = createRandom('random-queries')
  const queries: string[] = []
  while (queries.length < count) {
    const { title, text } = articles[random.int(0, COUNT - 1)]
    const source = random.chance(0.3) ? title : text
    const han = source.match(/[\u4e00-\u9fff]+/g)
    const words = source.match(/[a-z]+/g)
    const kind = random.int(0, 4)
    if (han && kind <= 2) {
      const run = han[random.int(0, han.length - 1)]
      const length = random.int(1, Math.min(6, run.length))
      const start = random.int(0, run.length - length)
      const piece = run.slice(start, start + length)
      queries.push(kind === 2 ? `${piece} -${pick(random, HAN)}` : piece)
    } else if (words) {
      const at = random.int(0, words.length - 1)
      const two = words.slice(at, at + 2).join(' ')
      const one = words[at]
      queries.push(
        [
          `${one} `,
          `${two} `,
          `"${two}"`,
          `${one} -${pick(random, WORDS)}`,
          one.slice(0, 3),
        ][kind],
      )
    }
  }
  return queries
}

test('on 120 queries drawn from the articles, engine and oracle agree', async () => {
  for (const q of randomQueries(120)) {
    const sort = q.length % 3 === 0 ? 'newest' : 'relevance'
    const found = await engine(q, { sort })
    expect(found.hits, q).toEqual(await oracle(q, { sort }))
  }
})

describe('a read budget bounds what one call reads, and loses nothing', () => {
  test.each(['"source open" ', '"open source" ', 'data -"open source" '])(
    '%j',
    async (q) => {
      let reads = 0
      const search = await Search.start(reader, parseQuery(q), {
        text: async (docnum) => {
          reads++
          return articles[docnum]
        },
      })
      const budget = 6
      const hits: number[] = []
      let paused = 0
      while (!search.done) {
        reads = 0
        for (const hit of await search.next(7, budget)) hits.push(hit.docnum)
        // A step reads one batch (up to 6) once the budget allows any.
        expect(reads).toBeLessThanOrEqual(budget + 5)
        if (search.paused) paused++
      }
      expect(paused).toBeGreaterThan(0)
      expect(search.checked).toBeGreaterThan(budget)
      expect(hits).toEqual(await oracle(q))
    },
  )
})
