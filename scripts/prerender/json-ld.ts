import type { ArticleSummary } from '../../src/lib/article-schema.ts'
import { paths } from '../../src/config/paths.ts'
import { articleImageUrl, previewTitle, siteHref, truncate } from './site.ts'
import type { Site } from './site.ts'

/**
 * The schema.org `NewsArticle` of one article, as search engines read it
 * from `<script type="application/ld+json">`. Headlines are cut to the
 * 110 characters Google shows.
 */
export function buildNewsArticle(article: ArticleSummary, site: Site) {
  const url = siteHref(site, paths.article.getHref(article.id))
  const image = articleImageUrl(article, site)
  const section = article._zixun.categories[0]?.[0]
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: truncate(previewTitle(article, site), 110),
    description: article.summary || undefined,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: article.date_published,
    ...(image ? { image: [image] } : {}),
    ...(section ? { articleSection: section } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags } : {}),
    author: article.authors.map((author) => ({
      '@type': 'Organization',
      name: author.name,
    })),
    ...(article.external_url ? { isBasedOn: article.external_url } : {}),
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
  }
}
