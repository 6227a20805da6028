import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { e2eDirs } from '../../../scripts/e2e/dirs'
import { parseSiteUrl } from '../../../scripts/prerender/site'
import type { Article } from '../../../src/lib/article-schema'

/** The two hosts the e2e build is served by (playwright.config.ts). */
export const hostingServers = [
  {
    name: 'vite preview',
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 4174}`,
  },
  {
    name: 'nginx',
    baseURL: `http://127.0.0.1:${process.env.E2E_NGINX_PORT ?? 4175}`,
  },
] as const

export const nginxBaseURL = hostingServers[1].baseURL

/** The site URL the e2e build put into canonical links. */
export const siteUrl = parseSiteUrl(process.env.ZIXUN_SITE_URL)

/** Every article of the e2e build, as the ingest wrote it. */
export function readBuiltArticles(): Article[] {
  const dir = path.join(e2eDirs.data, 'articles')
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map(
      (name) =>
        JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Article,
    )
}

const CJK = /[\u4e00-\u9fff]/

/**
 * Articles that cover the cases previews get wrong: Chinese titles with
 * and without a picture, titles with quotes or `%`, English titles.
 */
export function pickPreviewCases(articles: Article[]): Article[] {
  const tests: Array<(a: Article) => boolean> = [
    (a) => CJK.test(a.title) && !!a.image?.startsWith('http'),
    (a) => CJK.test(a.title) && !a.image,
    (a) => /["'&<>%]/.test(a.title),
    (a) => !CJK.test(a.title) && !a.image,
    (a) => !!a.external_url && !!a.image,
  ]
  const picks: Article[] = []
  for (const matches of tests) {
    const pick = articles.find(
      (a) => a.title.trim() && !picks.includes(a) && matches(a),
    )
    if (pick) picks.push(pick)
  }
  return picks
}
