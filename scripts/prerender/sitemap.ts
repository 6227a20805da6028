import { escapeXml } from './escape.ts'
import type { Site } from './site.ts'

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000

export type SitemapEntry = { path: string; lastmod?: string }

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

function urlset(entries: SitemapEntry[], site: Site): string {
  const urls = entries.map(
    ({ path, lastmod }) =>
      `<url><loc>${escapeXml(site.url + path)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${XMLNS}">\n${urls.join('\n')}\n</urlset>\n`
}

/**
 * The sitemap files, by file name. Up to `maxUrls` entries: one
 * `sitemap.xml`. Beyond: `sitemap.xml` is a sitemap index of
 * `sitemap-1.xml`, `sitemap-2.xml`, … of at most `maxUrls` each.
 */
export function buildSitemaps(
  entries: SitemapEntry[],
  site: Site,
  maxUrls = SITEMAP_MAX_URLS,
): Map<string, string> {
  const files = new Map<string, string>()
  if (entries.length <= maxUrls) {
    files.set('sitemap.xml', urlset(entries, site))
    return files
  }
  const parts: string[] = []
  for (let start = 0; start < entries.length; start += maxUrls) {
    const name = `sitemap-${parts.length + 1}.xml`
    files.set(name, urlset(entries.slice(start, start + maxUrls), site))
    parts.push(
      `<sitemap><loc>${escapeXml(`${site.url}/${name}`)}</loc></sitemap>`,
    )
  }
  files.set(
    'sitemap.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${XMLNS}">\n${parts.join('\n')}\n</sitemapindex>\n`,
  )
  return files
}

/** `robots.txt`: everything may be crawled; here is the sitemap. */
export function buildRobots(site: Site): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${site.url}/sitemap.xml\n`
}
