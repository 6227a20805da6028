import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { e2eDirs } from '../../../scripts/e2e/corpora'
import type { E2eCorpus } from '../../../scripts/e2e/corpora'
import { e2eOrigins } from '../../../scripts/e2e/ports'
import { parseSiteUrl } from '../../../scripts/prerender/site'
import type { Article, Manifest } from '../../../src/lib/article-schema'

/** The two hosts the reader's e2e build is served by (scripts/e2e/playwright-config.ts). */
export const hostingServers = [
  { name: 'vite preview', baseURL: e2eOrigins.app },
  { name: 'nginx', baseURL: e2eOrigins.nginx },
] as const

export const nginxBaseURL = e2eOrigins.nginx

/** The site URL the e2e build put into canonical links. */
export const siteUrl = parseSiteUrl(process.env.ZIXUN_SITE_URL)

/** Every article of the corpus's e2e build, as the ingest wrote it. */
export function readBuiltArticles(corpus: E2eCorpus): Article[] {
  const dir = path.join(e2eDirs(corpus).data, 'articles')
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map(
      (name) =>
        JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Article,
    )
}

/** The manifest of the corpus's e2e build. */
export function readBuiltManifest(corpus: E2eCorpus): Manifest {
  const file = path.join(e2eDirs(corpus).data, 'manifest.json')
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest
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
