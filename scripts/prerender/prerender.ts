import { access, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { paths } from '../../src/config/paths.ts'
import type { CategoryNode } from '../../src/lib/article-schema.ts'
import { isArticleId } from '../../src/lib/article-schema.ts'
import { buildArticleHead } from './article-head.ts'
import { buildJsonFeed, buildRss, FEED_SIZE } from './feeds.ts'
import type { CreatePrerenderer } from './load-prerenderer.ts'
import { readList, readManifest } from './read-data.ts'
import { fillShell, splitShell } from './shell.ts'
import { parseSiteUrl } from './site.ts'
import type { Site } from './site.ts'
import { buildRobots, buildSitemaps } from './sitemap.ts'
import type { SitemapEntry } from './sitemap.ts'
import { PageWriter } from './page-writer.ts'
import { writeFiles } from './write-files.ts'

/** The default of `ZIXUN_PRERENDER_LIMIT`. */
export const DEFAULT_PRERENDER_LIMIT = 50_000

export type PrerenderOptions = {
  /** The built site: `index.html` and `data/` (already copied in). */
  distDir: string
  /** The app's server renderer (`loadPrerenderer`). */
  createPrerenderer: CreatePrerenderer
  /** `ZIXUN_SITE_URL`; see `parseSiteUrl`. */
  siteUrl?: string
  /** Prerender only the newest `limit` articles (`ZIXUN_PRERENDER_LIMIT`). */
  limit?: number
}

export type PrerenderResult = {
  site: Site
  articles: number
  prerendered: number
  pageBytes: number
  files: string[]
  ms: number
}

/** Reads `ZIXUN_PRERENDER_LIMIT`: a whole number ≥ 0, or the default. */
export function parsePrerenderLimit(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PRERENDER_LIMIT
  const limit = Number(value)
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new Error(`ZIXUN_PRERENDER_LIMIT must be a whole number: ${value}`)
  }
  return limit
}

function categoryEntries(nodes: readonly CategoryNode[]): SitemapEntry[] {
  return nodes.flatMap((node) => [
    { path: paths.category.getHref(node.path) },
    ...categoryEntries(node.children),
  ])
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

/**
 * Writes the static pages of a built site: `a/<id>/index.html` for the
 * newest `limit` articles (the shell with the article's head tags, and
 * in `#root` what the app renders for it, to be hydrated), `feed.json`,
 * `rss.xml`, `sitemap.xml` (+ parts) and `robots.txt` (unless the site
 * ships its own). Returns null when the build has no data.
 */
export async function prerenderSite(
  options: PrerenderOptions,
): Promise<PrerenderResult | null> {
  const started = performance.now()
  const { distDir } = options
  const dataDir = path.join(distDir, 'data')
  const manifest = await readManifest(dataDir)
  if (!manifest) return null
  const shell = splitShell(
    await readFile(path.join(distDir, 'index.html'), 'utf8'),
  )
  const site: Site = {
    url: parseSiteUrl(options.siteUrl),
    name: shell.title,
    description: shell.description,
  }
  const list = await readList(dataDir, manifest.all)
  const articles = list.items.filter((article) => isArticleId(article.id))
  const chosen = articles.slice(0, options.limit ?? DEFAULT_PRERENDER_LIMIT)
  const renderer = options.createPrerenderer(manifest)

  await rm(path.join(distDir, 'a'), { recursive: true, force: true })
  // Pages are written on another thread while the next ones render.
  const writer = new PageWriter()
  try {
    for (const article of chosen) {
      const html = fillShell(
        shell,
        buildArticleHead(article, site),
        await renderer.renderArticle(article),
      )
      await writer.write(
        path.join(distDir, 'a', article.id, 'index.html'),
        html,
      )
    }
  } catch (error) {
    await writer.stop()
    throw error
  }
  const pageBytes = await writer.close()

  const latest = articles.slice(0, FEED_SIZE)
  const sitemaps = buildSitemaps(
    [
      { path: '/', lastmod: manifest.generated },
      ...categoryEntries(manifest.categories),
      ...articles.map((article) => ({
        path: paths.article.getHref(article.id),
        lastmod: article.date_published,
      })),
    ],
    site,
  )
  const extra = new Map<string, string>([
    ['feed.json', `${JSON.stringify(buildJsonFeed(latest, site), null, 2)}\n`],
    ['rss.xml', buildRss(latest, site)],
    ...sitemaps,
  ])
  if (!(await exists(path.join(distDir, 'robots.txt')))) {
    extra.set('robots.txt', buildRobots(site))
  }
  writeFiles([...extra].map(([name, text]) => [path.join(distDir, name), text]))
  return {
    site,
    articles: articles.length,
    prerendered: chosen.length,
    pageBytes,
    files: [...extra.keys()],
    ms: performance.now() - started,
  }
}
