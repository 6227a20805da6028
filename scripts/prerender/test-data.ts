import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ArticleSummary } from '../../src/lib/article-schema.ts'
import { buildDataFiles } from '../../src/testing/fixtures/data-files.ts'

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

/** What `vite build` writes beside the shell: the chunks of each route. */
export const BUILD_MANIFEST = {
  'index.html': {
    file: 'assets/index-abc123.js',
    isEntry: true,
    imports: ['_react-xyz.js'],
  },
  '_react-xyz.js': { file: 'assets/react-xyz.js' },
  '_queries-q1.js': { file: 'assets/queries-q1.js', imports: ['index.html'] },
  'src/app/start.tsx': {
    file: 'assets/start-s1.js',
    imports: ['_react-xyz.js'],
  },
  'src/app/routes/root.tsx': {
    file: 'assets/root-r1.js',
    imports: ['index.html', '_queries-q1.js'],
  },
  'src/app/routes/article-list.tsx': {
    file: 'assets/article-list-l1.js',
    imports: ['index.html', '_queries-q1.js'],
  },
  'src/app/routes/article-detail.tsx': {
    file: 'assets/article-detail-d1.js',
    imports: ['index.html', '_queries-q1.js'],
  },
}

/** A build without data in `dir`: the shell and the build manifest. */
export async function writeBuild(dir: string): Promise<void> {
  await mkdir(path.join(dir, '.vite'), { recursive: true })
  await writeFile(path.join(dir, 'index.html'), SHELL)
  await writeFile(
    path.join(dir, '.vite/manifest.json'),
    JSON.stringify(BUILD_MANIFEST),
  )
}

/**
 * A built site in `dir` (`writeBuild`), and under `data/` the files an ingest
 * of `articles` (newest first) would write, with `pageSize` per list page.
 */
export async function writeSite(
  dir: string,
  articles: ArticleSummary[],
  pageSize = 24,
): Promise<void> {
  const files = Object.entries(
    buildDataFiles(
      articles.map((summary) => ({ ...summary, content_html: '' })),
      pageSize,
    ),
  ).map(([name, body]) => [path.join(dir, 'data', name), body] as const)
  const folders = new Set(files.map(([file]) => path.dirname(file)))
  for (const folder of folders) await mkdir(folder, { recursive: true })
  await writeBuild(dir)
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(
      files
        .slice(i, i + 64)
        .map(([file, body]) => writeFile(file, JSON.stringify(body))),
    )
  }
}
