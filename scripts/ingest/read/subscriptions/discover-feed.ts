import { Parser } from 'htmlparser2'

const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/rdf+xml',
]

/**
 * Feed autodiscovery: the feeds an HTML page names with
 * `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href>`,
 * resolved against the page's `<base href>` or URL, in page order, with
 * comment feeds last (a site's first feed is its articles).
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  let base = pageUrl
  const found: Array<{ url: string; comments: boolean }> = []
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href)
          base = resolve(attrs.href, pageUrl) ?? base
        if (name !== 'link') return
        const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/)
        const type = (attrs.type ?? '').toLowerCase().split(';')[0].trim()
        if (!rel.includes('alternate') || !FEED_TYPES.includes(type)) return
        if (!attrs.href) return
        const url = resolve(attrs.href, base)
        if (!url || found.some((f) => f.url === url)) return
        const comments = /comment/i.test(`${attrs.title ?? ''} ${attrs.href}`)
        found.push({ url, comments })
      },
      onclosetag(name) {
        // Feed links live in <head>; a body's links are the page's content.
        if (name === 'head') parser.pause()
      },
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
    },
  )
  parser.end(html)
  return [
    ...found.filter((f) => !f.comments),
    ...found.filter((f) => f.comments),
  ].map((f) => f.url)
}

function resolve(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.href
      : undefined
  } catch {
    return undefined
  }
}
