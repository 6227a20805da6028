// @vitest-environment jsdom
import { describe, expect, test } from 'vitest'
import { buildArticleHead } from './article-head.ts'
import { escapeHtml, escapeXml, jsonForScript } from './escape.ts'
import { buildJsonFeed, buildRss } from './feeds.ts'
import { fillShell, splitShell } from './shell.ts'
import type { Site } from './site.ts'
import { articleImageUrl, parseSiteUrl } from './site.ts'
import { buildRobots, buildSitemaps } from './sitemap.ts'
import { makeSummary, SHELL } from './test-data.ts'

const site: Site = {
  url: 'https://news.example',
  name: 'Zixun 资讯',
  description: 'News',
}

const nasty = '<script>alert("x")</script> Tom & Jerry\'s "quote" </title>'

/** Parses XML; throws on anything not well-formed. */
function parseXml(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xml')
  const error = document.querySelector('parsererror')
  if (error) throw new Error(error.textContent ?? 'not well-formed')
  return document
}

/**
 * A prerendered page's document for `article`, parsed as a browser would:
 * its head, and `#root` empty (what goes there is render-article.test.ts').
 */
function page(article = makeSummary(1)) {
  const shell = splitShell(SHELL)
  const html = fillShell(shell, buildArticleHead(article, site), '')
  const document = new DOMParser().parseFromString(html, 'text/html')
  const meta = (key: string) =>
    document
      .querySelector(`meta[property="${key}"], meta[name="${key}"]`)
      ?.getAttribute('content') ?? null
  const jsonLd = document.querySelectorAll('script[type="application/ld+json"]')
  return { html, document, meta, jsonLd }
}

describe('escaping', () => {
  test.each([
    ['<b>&"\'', '&lt;b&gt;&amp;&quot;&#39;'],
    ['资讯 plain', '资讯 plain'],
    ['&amp;', '&amp;amp;'],
  ])('escapeHtml(%s)', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected)
  })

  test('escapeXml drops characters XML cannot carry', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\tx\ny & \uD800z')).toBe(
      'abcd\tx\ny &amp; z',
    )
    expect(escapeXml('😀 表情')).toBe('😀 表情')
  })

  test('jsonForScript cannot close the script and means the same JSON', () => {
    const value = { a: '</script><!-- & \u2028', b: ['<', '>'] }
    const text = jsonForScript(value)
    expect(text).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(text)).toEqual(value)
  })
})

describe('the site URL', () => {
  test.each([
    [undefined, 'http://localhost:4173'],
    ['', 'http://localhost:4173'],
    ['https://news.example/', 'https://news.example'],
    ['https://news.example/zixun/', 'https://news.example/zixun'],
    ['https://news.example/?x=1#y', 'https://news.example'],
  ])('%s is %s', (input, expected) => {
    expect(parseSiteUrl(input)).toBe(expected)
  })

  test.each(['news.example', 'ftp://news.example', 'javascript:alert(1)'])(
    'refuses %s',
    (input) => {
      expect(() => parseSiteUrl(input)).toThrow(/ZIXUN_SITE_URL/)
    },
  )
})

describe('images', () => {
  test.each([
    [undefined, undefined],
    ['', undefined],
    ['https://img.example/a.jpg', 'https://img.example/a.jpg'],
    ['/demo/images/1.svg', 'https://news.example/demo/images/1.svg'],
    ['demo/a b.png', 'https://news.example/demo/a%20b.png'],
    ['//cdn.example/x.png', 'https://cdn.example/x.png'],
    ['data:image/png;base64,AAAA', undefined],
    ['javascript:alert(1)', undefined],
  ])('%s → %s', (image, expected) => {
    expect(articleImageUrl({ image }, site)).toBe(expected)
  })
})

describe('a prerendered article page', () => {
  test('carries title, description, canonical and Open Graph tags', () => {
    const article = makeSummary(1, {
      id: 'abc_123-x',
      title: '华为全屋智能体验店开业',
      summary: '华为首家全屋智能体验店今日开业。',
      image: 'https://img.example/huawei.jpg',
      _zixun: {
        categories: [['新媒体', 'IT 之家', '热榜']],
        reading_minutes: 2,
        image_size: { width: 640, height: 480 },
      },
    })
    const { document, meta } = page(article)
    const url = 'https://news.example/a/abc_123-x'
    expect(document.title).toBe('华为全屋智能体验店开业 · Zixun 资讯')
    expect(meta('description')).toBe('华为首家全屋智能体验店今日开业。')
    expect(
      document.querySelector('link[rel=canonical]')?.getAttribute('href'),
    ).toBe(url)
    expect(meta('og:title')).toBe('华为全屋智能体验店开业')
    expect(meta('og:description')).toBe('华为首家全屋智能体验店今日开业。')
    expect(meta('og:url')).toBe(url)
    expect(meta('og:type')).toBe('article')
    expect(meta('og:image')).toBe('https://img.example/huawei.jpg')
    expect(meta('og:image:width')).toBe('640')
    expect(meta('article:published_time')).toBe(article.date_published)
    expect(meta('article:section')).toBe('新媒体')
    expect(meta('twitter:card')).toBe('summary_large_image')
    expect(meta('twitter:image')).toBe('https://img.example/huawei.jpg')
    expect(document.querySelectorAll('title')).toHaveLength(1)
    expect(document.querySelectorAll('meta[name=description]')).toHaveLength(1)
  })

  test('has no og:image and a small card without a real picture', () => {
    const { meta, html } = page(makeSummary(2))
    expect(meta('og:image')).toBeNull()
    expect(meta('twitter:image')).toBeNull()
    expect(meta('twitter:card')).toBe('summary')
    expect(html).not.toContain('"image"')
  })

  test('keeps the shell: CSP first, hashed script and stylesheet, one #root', () => {
    const { document, html } = page()
    expect(document.head.firstElementChild?.getAttribute('http-equiv')).toBe(
      'Content-Security-Policy',
    )
    expect(
      document.querySelector('script[src="/assets/index-abc123.js"]'),
    ).not.toBeNull()
    expect(
      document.querySelector('link[href="/assets/index-def456.css"]'),
    ).not.toBeNull()
    expect(document.querySelectorAll('#root')).toHaveLength(1)
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(
      html.indexOf('<title>'),
    )
  })

  test('escapes titles and summaries in every head element', () => {
    const article = makeSummary(3, {
      title: nasty,
      summary: `${nasty} summary`,
      external_url: 'https://example.com/?a=1&b="2"',
    })
    const { document, meta, jsonLd } = page(article)
    expect(document.querySelectorAll('script:not([type])')).toHaveLength(0)
    expect(document.querySelectorAll('script')).toHaveLength(2)
    expect(document.title).toBe(`${nasty} · Zixun 资讯`)
    expect(meta('og:title')).toBe(nasty)
    expect(meta('description')).toBe(`${nasty} summary`)
    const ld = JSON.parse(jsonLd[0].textContent ?? '')
    expect(ld.headline).toBe(nasty)
  })

  test('has valid NewsArticle JSON-LD', () => {
    const article = makeSummary(4, {
      title: '苹果 Safari 浏览器 Bug 曝光',
      image: '/demo/images/4.svg',
      external_url: 'https://www.ithome.com/0/599/999.htm',
    })
    const { jsonLd } = page(article)
    expect(jsonLd).toHaveLength(1)
    expect(JSON.parse(jsonLd[0].textContent ?? '')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '苹果 Safari 浏览器 Bug 曝光',
      description: 'Summary 4',
      url: 'https://news.example/a/post-4',
      mainEntityOfPage: {
        '@type': 'WebPage',
        '@id': 'https://news.example/a/post-4',
      },
      datePublished: article.date_published,
      image: ['https://news.example/demo/images/4.svg'],
      articleSection: '编程',
      keywords: ['编程', '资讯'],
      author: [{ '@type': 'Organization', name: '开源中国' }],
      isBasedOn: 'https://www.ithome.com/0/599/999.htm',
      publisher: {
        '@type': 'Organization',
        name: 'Zixun 资讯',
        url: 'https://news.example',
      },
    })
  })

  test('gives a blank-titled article a title from its summary', () => {
    const { meta, document } = page(makeSummary(6, { title: '  ' }))
    expect(meta('og:title')).toBe('Summary 6')
    expect(document.title).toBe('Summary 6 · Zixun 资讯')
  })
})

describe('feeds', () => {
  const articles = [
    makeSummary(1, { title: nasty, image: '/i.png' }),
    makeSummary(2, { external_url: 'https://example.com/2' }),
  ]

  test('feed.json is a JSON Feed 1.1 with absolute links', () => {
    const feed = buildJsonFeed(articles, site)
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.feed_url).toBe('https://news.example/feed.json')
    expect(feed.items).toHaveLength(2)
    expect(feed.items[0]).toMatchObject({
      id: 'post-1',
      url: 'https://news.example/a/post-1',
      title: nasty,
      content_text: 'Summary 1',
      image: 'https://news.example/i.png',
    })
    expect(feed.items[1].external_url).toBe('https://example.com/2')
    for (const item of feed.items) {
      expect(item.id).toBeTruthy()
      expect(item.content_text).toBeTruthy()
    }
  })

  test('rss.xml is well-formed RSS 2.0 even with hostile titles', () => {
    const xml = buildRss(
      [...articles, makeSummary(3, { title: 'bell\u0007 标题' })],
      site,
    )
    const document = parseXml(xml)
    const items = document.querySelectorAll('item')
    expect(items).toHaveLength(3)
    expect(items[0].querySelector('title')?.textContent).toBe(nasty)
    expect(items[0].querySelector('link')?.textContent).toBe(
      'https://news.example/a/post-1',
    )
    expect(items[2].querySelector('title')?.textContent).toBe('bell 标题')
    expect(items[0].querySelector('pubDate')?.textContent).toMatch(/GMT$/)
  })
})

describe('sitemaps', () => {
  const entries = [
    { path: '/' },
    { path: '/c/%E7%BC%96%E7%A8%8B' },
    { path: '/a/a', lastmod: '2026-01-01T00:00:00Z' },
    { path: '/a/b?x=1&y=2' },
    { path: '/a/c' },
  ]

  test('one sitemap.xml up to the limit', () => {
    const files = buildSitemaps(entries, site)
    expect([...files.keys()]).toEqual(['sitemap.xml'])
    const document = parseXml(files.get('sitemap.xml') ?? '')
    const locs = [...document.querySelectorAll('loc')].map((l) => l.textContent)
    expect(locs).toContain('https://news.example/a/b?x=1&y=2')
    expect(locs).toHaveLength(5)
  })

  test('a sitemap index of parts beyond the limit', () => {
    const files = buildSitemaps(entries, site, 2)
    expect([...files.keys()].sort()).toEqual([
      'sitemap-1.xml',
      'sitemap-2.xml',
      'sitemap-3.xml',
      'sitemap.xml',
    ])
    const index = files.get('sitemap.xml') ?? ''
    expect(index).toContain('<sitemapindex')
    expect(index).toContain('<loc>https://news.example/sitemap-3.xml</loc>')
    expect(files.get('sitemap-3.xml')).toContain('/a/c')
  })

  test('robots.txt points to the sitemap', () => {
    expect(buildRobots(site)).toContain(
      'Sitemap: https://news.example/sitemap.xml',
    )
  })
})

describe('the shell', () => {
  test('refuses a shell without an empty #root', () => {
    expect(() => splitShell('<title>x</title><div id="app"></div>')).toThrow(
      /#root/,
    )
  })

  test('reads the site name and description from it', () => {
    const shell = splitShell(SHELL)
    expect(shell.title).toBe('Zixun 资讯')
    expect(shell.description).toBe('Zixun 资讯 — a fast, safe news reader')
  })
})
