import { encodeXML } from 'entities'

/** One item of a generated feed. */
export type TestItem = {
  id: string
  title: string
  link: string
  /** RFC 3339. */
  date: string
  html: string
  /** The RSS `description` beside the body (default: the title). */
  summary?: string
  image?: string
  author?: string
  categories?: string[]
}

/**
 * `count` items named `<prefix>-<n>`, newest first, one hour apart from
 * `start`, with Chinese and English text, links on `site`.
 */
export function makeItems(
  prefix: string,
  count: number,
  site: string,
  { first = 1, start = Date.UTC(2025, 10, 30, 12) } = {},
): TestItem[] {
  return Array.from({ length: count }, (_, i) => {
    const n = first + i
    return {
      id: `${prefix}-${n}`,
      title: `${prefix} 第${n}条 & item ${n}`,
      link: `${site.replace(/\/$/, '')}/posts/${prefix}-${n}.html`,
      date: new Date(start - n * 3_600_000).toISOString(),
      html: `<p>${prefix} 的第 ${n} 条新闻。News item ${n} of ${prefix}, with <b>markup</b>.</p>`,
      author: `作者 ${prefix}`,
      categories: ['新闻', `tag-${n % 3}`],
    }
  })
}

/**
 * RSS 2.0 the way real feeds write it: bodies in CDATA (`content:encoded`)
 * beside a `description`, RFC 822 dates, `dc:creator`, guids that are not
 * permalinks (or none, with `guid: false`), images as `enclosure`.
 */
export function rssFeed(
  title: string,
  site: string,
  items: TestItem[],
  { guid = true, encoding = 'UTF-8' } = {},
): string {
  const entries = items.map(
    (item) => `    <item>
      <title>${encodeXML(item.title)}</title>
      <link>${encodeXML(item.link)}</link>
${guid ? `      <guid isPermaLink="false">${encodeXML(item.id)}</guid>\n` : ''}      <pubDate>${new Date(item.date).toUTCString().replace('GMT', '+0000')}</pubDate>
      <dc:creator><![CDATA[${item.author ?? ''}]]></dc:creator>
${(item.categories ?? []).map((c) => `      <category>${encodeXML(c)}</category>\n`).join('')}      <description>${encodeXML(item.summary ?? item.title)}</description>
      <content:encoded><![CDATA[${item.html}]]></content:encoded>
${item.image ? `      <enclosure url="${encodeXML(item.image)}" type="image/jpeg" length="0"/>\n` : ''}    </item>`,
  )
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${encodeXML(title)}</title>
    <link>${encodeXML(site)}</link>
    <description>${encodeXML(title)}</description>
${entries.join('\n')}
  </channel>
</rss>
`
}

/** Atom 1.0 with HTML content, `updated` dates and alternate links. */
export function atomFeed(
  title: string,
  site: string,
  items: TestItem[],
): string {
  const entries = items.map(
    (item) => `  <entry>
    <id>tag:test,2025:${encodeXML(item.id)}</id>
    <title type="html">${encodeXML(item.title)}</title>
    <link rel="alternate" href="${encodeXML(item.link)}"/>
    <updated>${item.date}</updated>
    <author><name>${encodeXML(item.author ?? '')}</name></author>
    <content type="html">${encodeXML(item.html)}</content>
  </entry>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${encodeXML(title)}</title>
  <link href="${encodeXML(site)}"/>
  <id>${encodeXML(site)}</id>
  <updated>${items[0]?.date ?? '2025-01-01T00:00:00Z'}</updated>
${entries.join('\n')}
</feed>
`
}

/** JSON Feed 1.1 (`authors`), or 1.0 (`author`, an object). */
export function jsonFeed(
  title: string,
  site: string,
  items: TestItem[],
  version: '1' | '1.1' = '1.1',
): string {
  const one = version === '1'
  return JSON.stringify({
    version: `https://jsonfeed.org/version/${version}`,
    title,
    home_page_url: site,
    items: items.map((item) => ({
      id: item.id,
      url: item.link,
      title: item.title,
      content_html: item.html,
      date_published: item.date,
      ...(item.image ? { image: item.image } : {}),
      ...(one
        ? { author: { name: item.author } }
        : { authors: [{ name: item.author }] }),
      tags: item.categories,
    })),
  })
}

/** A site's home page that names its feed the way autodiscovery expects. */
export function homePage(
  feedHref: string,
  type = 'application/rss+xml',
): string {
  return `<!doctype html><html><head><title>Site</title>
<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments.xml">
<link rel="alternate" type="${type}" title="Posts" href="${encodeXML(feedHref)}">
</head><body><p>Welcome</p><link rel="alternate" type="application/rss+xml" href="/not-in-head.xml"></body></html>`
}
