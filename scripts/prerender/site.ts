import type { ArticleSummary } from '../../src/lib/article-schema.ts'
import { toSafeHttpUrl } from '../../src/lib/safe-url.ts'

/** Where the site lives and what it is called, for absolute links and previews. */
export type Site = {
  /** Origin plus optional base path, without a trailing slash: `https://news.example`. */
  url: string
  name: string
  description: string
}

/** The default when `ZIXUN_SITE_URL` is not set: where `npm start` serves. */
export const DEFAULT_SITE_URL = 'http://localhost:4173'

/**
 * Normalises `ZIXUN_SITE_URL`: an absolute http(s) URL, without query,
 * hash or trailing slash. Throws on anything else, so a typo fails the
 * build instead of shipping broken canonical links.
 */
export function parseSiteUrl(value: string | undefined): string {
  const raw = value?.trim() || DEFAULT_SITE_URL
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`ZIXUN_SITE_URL is not a URL: ${raw}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`ZIXUN_SITE_URL must be http(s): ${raw}`)
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

/** An absolute URL on the site for a root-relative path such as `/a/<id>`. */
export function siteHref(site: Pick<Site, 'url'>, path: string): string {
  return `${site.url}${path}`
}

/**
 * The article's picture as an absolute http(s) URL, or undefined when it
 * has none (the ingest never fills `image` with stock placeholders).
 * Relative pictures (the demo corpus's `/demo/images/…`) resolve against
 * the site.
 */
export function articleImageUrl(
  article: Pick<ArticleSummary, 'image'>,
  site: Pick<Site, 'url'>,
): string | undefined {
  return toSafeHttpUrl(article.image, `${site.url}/`)
}

/** A title for previews: the article's, or its summary's start when blank. */
export function previewTitle(
  article: Pick<ArticleSummary, 'title' | 'summary'>,
  site: Pick<Site, 'name'>,
): string {
  const title = article.title.trim()
  if (title) return title
  const summary = article.summary.trim()
  return summary ? truncate(summary, 60) : site.name
}

/** `text` cut to at most `max` characters (code points), with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
