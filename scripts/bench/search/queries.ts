import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { scanHtml } from '../../ingest/convert/body/html-text.ts'
import { createRandom } from '../../demo/prng.ts'
import type { Article } from '../../../src/lib/article-schema.ts'
import { units } from '../../../src/lib/search/tokenize.ts'

/** An article of a benchmark corpus as both engines index it. */
export type BenchArticle = { id: string; title: string; text: string }

/** Every article of an ingest's output, with the plain text the ingest indexed. */
export function readArticles(dataDir: string): BenchArticle[] {
  const dir = path.join(dataDir, 'articles')
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const article = JSON.parse(
        readFileSync(path.join(dir, name), 'utf8'),
      ) as Article
      const text = scanHtml(article.content_html).text || article.summary
      return { id: article.id, title: article.title, text }
    })
}

export type QueryClass = 'en-rare' | 'en-common' | 'en-two' | 'zh-2' | 'zh-4'

export type BenchQuery = { q: string; kind: QueryClass }

const HAN = /[\u4e00-\u9fff]+/g

/**
 * Queries sampled from the corpus, `perClass` of each class: an English
 * word in 2–20 articles (rare) or in 1% or more (common), two words from
 * one article (common and rarer), two and four Chinese characters from an
 * article's text. Each is written as a reader types it: no trailing space,
 * so the last English word also matches as a prefix.
 */
export function sampleQueries(
  articles: BenchArticle[],
  perClass: number,
  seed = 'bench-queries',
): BenchQuery[] {
  const random = createRandom(seed)
  const df = new Map<string, number>()
  for (const article of articles) {
    const seen = new Set<string>()
    for (const unit of units(`${article.title} ${article.text}`))
      if (!unit.cjk) seen.add(unit.term)
    for (const word of seen) df.set(word, (df.get(word) ?? 0) + 1)
  }
  const words = [...df].filter(([w]) => /^[a-z]{3,}$/.test(w))
  const common = words
    .filter(([, n]) => n >= articles.length * 0.01)
    .map(([w]) => w)
  const rare = words.filter(([, n]) => n >= 2 && n <= 20).map(([w]) => w)
  const out: BenchQuery[] = []
  const take = (kind: QueryClass, make: () => string | undefined) => {
    for (
      let tries = 0, n = 0;
      n < perClass && tries < perClass * 200;
      tries++
    ) {
      const q = make()
      if (q && !out.some((o) => o.q === q)) {
        out.push({ q, kind })
        n++
      }
    }
  }
  take('en-rare', () => random.pick(rare))
  take('en-common', () => random.pick(common))
  take('en-two', () => {
    const article = random.pick(articles)
    const inArticle = units(article.text)
      .filter((u) => !u.cjk && /^[a-z]{3,}$/.test(u.term))
      .map((u) => u.term)
    const first = inArticle.find(
      (w) => (df.get(w) ?? 0) >= articles.length * 0.01 && random.chance(0.2),
    )
    const second = inArticle.find(
      (w) =>
        w !== first &&
        (df.get(w) ?? 0) < articles.length * 0.01 &&
        random.chance(0.3),
    )
    return first && second ? `${first} ${second}` : undefined
  })
  for (const length of [2, 4] as const) {
    take(`zh-${length}`, () => {
      const runs = random
        .pick(articles)
        .text.match(HAN)
        ?.filter((r) => r.length >= length)
      if (!runs?.length) return undefined
      const run = random.pick(runs)
      const start = random.int(0, run.length - length)
      return run.slice(start, start + length)
    })
  }
  return out
}

/** A recall query: text taken from one article, which must be among the hits. */
export type RecallQuery = { q: string; id: string; kind: 'zh' | 'en' }

/**
 * Recall queries: random runs of 2–6 Chinese characters from titles and
 * bodies, and random English words (whole, with a space after them).
 */
export function recallQueries(
  articles: BenchArticle[],
  count: number,
  seed = 'bench-recall',
): RecallQuery[] {
  const random = createRandom(seed)
  const out: RecallQuery[] = []
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const article = random.pick(articles)
    const source = random.chance(0.3) ? article.title : article.text
    if (out.length % 2 === 0) {
      const runs = source.match(HAN)?.filter((r) => r.length >= 2)
      if (!runs?.length) continue
      const run = random.pick(runs)
      const length = random.int(2, Math.min(6, run.length))
      const start = random.int(0, run.length - length)
      out.push({
        q: run.slice(start, start + length),
        id: article.id,
        kind: 'zh',
      })
    } else {
      const words = source.match(/[A-Za-z]{3,}/g)
      if (!words?.length) continue
      out.push({ q: `${random.pick(words)} `, id: article.id, kind: 'en' })
    }
  }
  return out
}
