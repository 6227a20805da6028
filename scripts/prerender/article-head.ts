import type { ArticleSummary } from '../../src/lib/article-schema.ts'
import { paths } from '../../src/config/paths.ts'
import { escapeHtml, jsonForScript } from './escape.ts'
import { buildNewsArticle } from './json-ld.ts'
import { articleImageUrl, previewTitle, siteHref } from './site.ts'
import type { Site } from './site.ts'

function meta(attr: 'name' | 'property', key: string, value: string) {
  return `<meta ${attr}="${key}" content="${escapeHtml(value)}">`
}

/**
 * The `<head>` elements that describe one article to browsers, chat apps
 * and search engines: title, description, canonical link, Open Graph,
 * Twitter card and JSON-LD. `og:image` (and the large Twitter card) only
 * when the article has a real picture. Every value is escaped.
 */
export function buildArticleHead(article: ArticleSummary, site: Site): string {
  const title = previewTitle(article, site)
  const description = article.summary.trim() || title
  const url = siteHref(site, paths.article.getHref(article.id))
  const image = articleImageUrl(article, site)
  const size = article._zixun.image_size
  const section = article._zixun.categories[0]?.[0]
  const tags = [
    `<title>${escapeHtml(`${title} · ${site.name}`)}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    meta('property', 'og:site_name', site.name),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
  ]
  if (image) {
    tags.push(meta('property', 'og:image', image))
    if (size) {
      tags.push(meta('property', 'og:image:width', String(size.width)))
      tags.push(meta('property', 'og:image:height', String(size.height)))
    }
  }
  tags.push(meta('property', 'article:published_time', article.date_published))
  if (section) tags.push(meta('property', 'article:section', section))
  tags.push(
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', description),
  )
  if (image) tags.push(meta('name', 'twitter:image', image))
  tags.push(
    `<script type="application/ld+json">${jsonForScript(buildNewsArticle(article, site))}</script>`,
  )
  return tags.join('\n    ')
}
