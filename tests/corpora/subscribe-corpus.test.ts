import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Article, IngestReport } from '../../src/lib/article-schema.ts'
import { main } from '../../scripts/ingest/main.ts'
import { FeedServer, serve } from '../../scripts/ingest/testing/feed-server.ts'
import {
  rssFeed,
  type TestItem,
} from '../../scripts/ingest/testing/feed-texts.ts'
import { SubscriptionRun } from '../../scripts/ingest/testing/subscription-run.ts'
import { requireSharedData } from '../../scripts/shared-data.ts'

// The shared corpus has posts, not feeds: its 40 posts, as the file ingest
// reads them, are served as two RSS feeds (one gzip-compressed) on two
// loopback hosts, and subscribed to.
const CORPUS = requireSharedData().posts
let dir: string
let fromFiles: Article[]
const servers: FeedServer[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zixun-subscribe-corpus-'))
  await main({
    inputs: [CORPUS],
    outDir: join(dir, 'data'),
    cacheDir: join(dir, 'cache'),
    workers: 0,
  })
  const report = JSON.parse(
    readFileSync(join(dir, 'data/ingest-report.json'), 'utf8'),
  ) as IngestReport
  fromFiles = report.files
    .filter((f) => f.status === 'written')
    .map(
      (f) =>
        JSON.parse(
          readFileSync(join(dir, 'data/articles', `${f.id}.json`), 'utf8'),
        ) as Article,
    )
  servers.push(
    await FeedServer.start('127.0.0.1'),
    await FeedServer.start('127.0.0.2'),
  )
})
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await Promise.all(servers.map((s) => s.close()))
})

function asItem(article: Article): TestItem {
  return {
    id: article.id,
    title: article.title,
    link: article.external_url ?? `https://corpus.example/${article.id}`,
    date: article.date_published,
    html: article.content_html,
    summary: article.summary,
    categories: article.tags,
    ...(article.image ? { image: article.image } : {}),
  }
}

test('the shared posts served as feeds come out as the same articles, and a second run is all 304', async () => {
  const half = Math.ceil(fromFiles.length / 2)
  const urls = [fromFiles.slice(0, half), fromFiles.slice(half)].map(
    (articles, i) =>
      servers[i].route(
        '/corpus.rss',
        serve(
          {
            text: rssFeed(
              `Corpus ${i + 1}`,
              'https://corpus.example/',
              articles.map(asItem),
            ),
            type: 'application/rss+xml',
          },
          i === 0 ? { encoding: 'gzip' } : {},
        ),
      ),
  )
  const run = new SubscriptionRun()
  try {
    run.writeList(
      urls.map((url, i) => ({ url, title: `语料 ${i + 1}`, folder: ['共享'] })),
    )
    const result = await run.run()
    expect(
      result.subscriptions?.health.map((h) => [h.status, h.new_items]),
    ).toEqual([
      ['fetched', half],
      ['fetched', fromFiles.length - half],
    ])
    expect(result.articles).toBe(fromFiles.length)
    const subscribed = new Map(
      result.report.files
        .filter((f) => f.status === 'written')
        .map((f) => {
          const article = run.article(f.id!)
          return [article.external_url, article]
        }),
    )
    for (const article of fromFiles) {
      const same = subscribed.get(
        article.external_url ?? `https://corpus.example/${article.id}`,
      )
      expect(same?.title).toBe(article.title)
      expect(same?.summary).toBe(article.summary)
      expect(same?._zixun.categories).toEqual([['共享']])
    }
    const again = await run.run()
    expect(again.subscriptions?.health.map((h) => h.status)).toEqual([
      'not_modified',
      'not_modified',
    ])
    expect(again.files.written).toBe(1)
  } finally {
    run.remove()
  }
})
