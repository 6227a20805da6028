import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type {
  ArticleSummary,
  ListPage,
  Manifest,
} from '../../src/lib/article-schema.ts'
import {
  CONTRACT_VERSION,
  JSON_FEED_VERSION,
} from '../../src/lib/article-schema.ts'

/** A summary for tests; `extra` overrides any field. */
export function makeSummary(
  n: number,
  extra: Partial<ArticleSummary> = {},
): ArticleSummary {
  const id = `post-${n}`
  return {
    id,
    url: `/a/${id}`,
    title: `Post ${n}`,
    summary: `Summary ${n}`,
    date_published: new Date(Date.UTC(2026, 0, 1) - n * 60_000).toISOString(),
    authors: [{ name: '开源中国' }],
    tags: ['编程', '资讯'],
    _zixun: { categories: [['编程', '资讯']], reading_minutes: 1 },
    ...extra,
  }
}

export const SHELL = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta http-equiv="Content-Security-Policy" content="script-src &#39;self&#39;">
    <meta charset="UTF-8" />
    <meta name="description" content="Zixun 资讯 — a fast, safe news reader" />
    <title>Zixun 资讯</title>
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-def456.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`

/** A built site in `dir`: the shell and the data of `articles` (newest first). */
export async function writeSite(
  dir: string,
  articles: ArticleSummary[],
  pageSize = 24,
): Promise<void> {
  const pages = Math.max(1, Math.ceil(articles.length / pageSize))
  const base = 'pages/all/h1/'
  const manifest: Manifest = {
    version: CONTRACT_VERSION,
    generated: articles[0]?.date_published ?? '2026-01-01T00:00:00Z',
    title: '资讯',
    total: articles.length,
    page_size: pageSize,
    all: { key: 'all', count: articles.length, pages, base },
    categories: [
      {
        key: 'k1',
        name: '编程',
        path: ['编程'],
        count: articles.length,
        pages,
        base: 'categories/k1/h2/',
        children: [
          {
            key: 'k2',
            name: '资讯',
            path: ['编程', '资讯'],
            count: articles.length,
            pages,
            base: 'categories/k2/h3/',
            children: [],
          },
        ],
      },
    ],
  }
  await mkdir(path.join(dir, 'data', base), { recursive: true })
  await writeFile(path.join(dir, 'index.html'), SHELL)
  await writeFile(
    path.join(dir, 'data/manifest.json'),
    JSON.stringify(manifest),
  )
  for (let page = 1; page <= pages; page++) {
    const list: ListPage = {
      version: JSON_FEED_VERSION,
      title: '全部',
      items: articles.slice((page - 1) * pageSize, page * pageSize),
      _zixun: { list: 'all', page, pages, count: articles.length },
    }
    await writeFile(
      path.join(dir, 'data', base, `${page}.json`),
      JSON.stringify(list),
    )
  }
}
