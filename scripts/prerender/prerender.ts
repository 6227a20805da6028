import { access, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { paths } from '../../src/config/paths.ts'
import { SHELL_FILE } from '../../src/config/shell.ts'
import type { CategoryNode } from '../../src/lib/article-schema.ts'
import { dataPaths, isArticleId } from '../../src/lib/article-schema.ts'
import { buildArticleHead } from './article-head.ts'
import { buildJsonFeed, buildRss, FEED_SIZE } from './feeds.ts'
import { DEFAULT_LIST_LIMIT } from './list-pages.ts'
import type { CreatePrerenderer } from './load-prerenderer.ts'
import { dataPreload, modulePreloads, prerenderedMeta } from './page-hints.ts'
import { prerenderLists } from './prerender-lists.ts'
import { readList, readManifest } from './read-data.ts'
import {
  readBuildManifest,
  ROUTE_MODULES,
  routeChunkUrls,
} from './route-chunks.ts'
import { addHeadLinks, fillShell, splitShell } from './shell.ts'
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
  /** Prerender the first screen of at most this many categories (`ZIXUN_PRERENDER_LISTS`). */
  listLimit?: number
}

export type PrerenderResult = {
  site: Site
  articles: number
  prerendered: number
  pageBytes: number
  /** List pages written (home and categories), and their bytes. */
  lists: number
  listBytes: number
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
 * Writes the data-free app shell, `shell.html`: the built `index.html`
 * with hints for what every route loads first (the root route's code, the
 * manifest). It depends on the code only. Returns its markup.
 */
export async function writeShell(distDir: string): Promise<string> {
  const built = await readFile(path.join(distDir, 'index.html'), 'utf8')
  const chunks = routeChunkUrls(await readBuildManifest(distDir), [
    ROUTE_MODULES.start,
    ROUTE_MODULES.root,
  ])
  const html = addHeadLinks(built, [
    ...modulePreloads(chunks),
    dataPreload(dataPaths.manifest),
  ])
  await Promise.all(
    [SHELL_FILE, 'index.html'].map((name) =>
      writeFile(path.join(distDir, name), html),
    ),
  )
  return html
}

/**
 * Writes the static pages of a built site: the shell (`writeShell`); the
 * first screen of `/` into `index.html` and of the largest categories
 * into `c/<path>/index.html` (`prerenderLists`); `a/<id>/index.html` for
 * the newest `limit` articles (the shell with the article's head tags and
 * preloads, and in `#root` what the app renders for it, to be hydrated);
 * `feed.json`, `rss.xml`, `sitemap.xml` (+ parts) and `robots.txt` (unless
 * the site ships its own). Returns null when the build has no data (it
 * has the shell, as `index.html` too).
 */
export async function prerenderSite(
  options: PrerenderOptions,
): Promise<PrerenderResult | null> {
  const started = performance.now()
  const { distDir } = options
  const dataDir = path.join(distDir, 'data')
  const shellHtml = await writeShell(distDir)
  const manifest = await readManifest(dataDir)
  if (!manifest) return null
  const shell = splitShell(shellHtml)
  const buildManifest = await readBuildManifest(distDir)
  // The shell preloads the app's start and the root route's chunks already.
  const rootChunks = routeChunkUrls(buildManifest, [
    ROUTE_MODULES.start,
    ROUTE_MODULES.root,
  ])
  const routeOnlyChunks = (module: string) =>
    routeChunkUrls(buildManifest, [module]).filter(
      (url) => !rootChunks.includes(url),
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
  const lists = await prerenderLists({
    distDir,
    manifest,
    renderer,
    shell,
    site,
    limit: options.listLimit ?? DEFAULT_LIST_LIMIT,
    chunks: routeOnlyChunks(ROUTE_MODULES.list),
  })

  const articleChunks = modulePreloads(routeOnlyChunks(ROUTE_MODULES.article))
  await rm(path.join(distDir, 'a'), { recursive: true, force: true })
  // Pages are written on another thread while the next ones render.
  const writer = new PageWriter()
  try {
    for (const article of chosen) {
      const head = [
        buildArticleHead(article, site),
        prerenderedMeta(paths.article.getHref(article.id)),
        ...articleChunks,
        dataPreload(dataPaths.article(article.id)),
      ]
      const html = fillShell(
        shell,
        head.join('\n    '),
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
    lists: lists.pages,
    listBytes: lists.bytes,
    files: [...extra.keys()],
    ms: performance.now() - started,
  }
}
