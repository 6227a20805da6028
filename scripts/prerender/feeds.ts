import type { ArticleSummary } from '../../src/lib/article-schema.ts'
import { JSON_FEED_VERSION } from '../../src/lib/article-schema.ts'
import { paths } from '../../src/config/paths.ts'
import { toSafeHttpUrl } from '../../src/lib/safe-url.ts'
import { escapeXml } from './escape.ts'
import { articleImageUrl, previewTitle, siteHref } from './site.ts'
import type { Site } from './site.ts'

/** How many of the newest articles `feed.json` and `rss.xml` carry. */
export const FEED_SIZE = 50

/**
 * `feed.json`: a JSON Feed 1.1 of the newest articles (`articles` newest
 * first), with absolute links. The summary is the content: the full
 * text is one click away, sanitised by the reader.
 */
export function buildJsonFeed(articles: ArticleSummary[], site: Site) {
  return {
    version: JSON_FEED_VERSION,
    title: site.name,
    home_page_url: `${site.url}/`,
    feed_url: siteHref(site, '/feed.json'),
    ...(site.description ? { description: site.description } : {}),
    items: articles.map((article) => {
      const image = articleImageUrl(article, site)
      const external = toSafeHttpUrl(article.external_url)
      return {
        id: article.id,
        url: siteHref(site, paths.article.getHref(article.id)),
        ...(external ? { external_url: external } : {}),
        title: previewTitle(article, site),
        content_text: article.summary,
        summary: article.summary,
        ...(image ? { image } : {}),
        date_published: article.date_published,
        authors: article.authors,
        tags: article.tags,
      }
    }),
  }
}

/** RFC 822 dates, as RSS 2.0 wants them: `Sat, 03 Sep 2022 04:44:17 GMT`. */
function rfc822(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : date.toUTCString()
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`
}

/** `rss.xml`: the same newest articles as an RSS 2.0 channel. */
export function buildRss(articles: ArticleSummary[], site: Site): string {
  const items = articles.map((article) => {
    const url = siteHref(site, paths.article.getHref(article.id))
    const date = rfc822(article.date_published)
    return [
      '<item>',
      element('title', previewTitle(article, site)),
      element('link', url),
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      date && element('pubDate', date),
      element('description', article.summary),
      ...article.tags.map((tag) => element('category', tag)),
      '</item>',
    ].join('')
  })
  const newest = articles[0] ? rfc822(articles[0].date_published) : ''
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
    element('title', site.name),
    element('link', `${site.url}/`),
    element('description', site.description || site.name),
    `<atom:link href="${escapeXml(siteHref(site, '/rss.xml'))}" rel="self" type="application/rss+xml"/>`,
    newest && element('lastBuildDate', newest),
    ...items,
    '</channel></rss>',
    '',
  ].join('\n')
}
