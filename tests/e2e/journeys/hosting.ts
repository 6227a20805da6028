import type { APIResponse } from '@playwright/test'
import { DomUtils, parseDocument } from 'htmlparser2'
import { buildContentSecurityPolicy } from '../../../src/lib/csp'
import type { Article } from '../../../src/lib/article-schema'
import type { E2eCorpus } from '../support/corpus'
import { expect, test } from '../support/fixtures'
import {
  hostingServers,
  nginxBaseURL,
  pickPreviewCases,
  readBuiltArticles,
  readBuiltManifest,
  siteUrl,
} from '../support/servers'

/** The page's head and root, parsed as data. */
async function parsePage(response: APIResponse) {
  const document = parseDocument(await response.text())
  const find = (
    test: (el: { name: string; attribs: Record<string, string> }) => boolean,
  ) => DomUtils.findAll((el) => test(el), document.children)
  const meta = (key: string) =>
    find(
      (el) =>
        el.name === 'meta' && (el.attribs.property ?? el.attribs.name) === key,
    ).map((el) => el.attribs.content)
  const text = (name: string) =>
    find((el) => el.name === name).map((el) => DomUtils.textContent(el))
  const jsonLd = find(
    (el) => el.name === 'script' && el.attribs.type === 'application/ld+json',
  ).map((el) => JSON.parse(DomUtils.textContent(el)) as Record<string, unknown>)
  const canonical = find(
    (el) => el.name === 'link' && el.attribs.rel === 'canonical',
  ).map((el) => el.attribs.href)
  const scripts = find((el) => el.name === 'script' && !!el.attribs.src).map(
    (el) => el.attribs.src,
  )
  return { meta, text, jsonLd, canonical, scripts }
}

/** What a preview should show as the picture: an absolute http(s) URL. */
function previewImage(article: Article): string[] {
  if (!article.image) return []
  const url = new URL(article.image, `${siteUrl}/`)
  return /^https?:$/.test(url.protocol) ? [url.href] : []
}

/**
 * The corpus's build on vite preview and nginx: prerendered pages, feeds,
 * sitemap; nginx's statuses, caching, headers and compression.
 */
export function hostingJourney(corpus: E2eCorpus) {
  const articles = readBuiltArticles(corpus)
  const cases = pickPreviewCases(articles)
  // A Chinese top category, percent-encoded on the wire.
  const category = readBuiltManifest(corpus).categories.find((node) =>
    /[\u4e00-\u9fff]/.test(node.name),
  )!.name

  test('the cases cover Chinese titles with and without a picture', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4)
    expect(cases.some((a) => /[\u4e00-\u9fff]/.test(a.title) && !a.image)).toBe(
      true,
    )
    expect(cases.some((a) => /[\u4e00-\u9fff]/.test(a.title) && a.image)).toBe(
      true,
    )
  })

  for (const server of hostingServers) {
    test.describe(`on ${server.name}`, () => {
      test.use({ baseURL: server.baseURL })

      test('each prerendered article page carries its own tags', async ({
        request,
      }) => {
        const shell = await parsePage(await request.get('/'))
        for (const article of cases) {
          for (const href of [`/a/${article.id}/`, `/a/${article.id}`]) {
            const response = await request.get(href)
            expect(response.status(), href).toBe(200)
            const page = await parsePage(response)
            const url = `${siteUrl}/a/${article.id}`
            const title = article.title.trim()
            expect(page.text('title'), href).toEqual([`${title} · Zixun 资讯`])
            expect(page.text('h1')).toEqual([article.title])
            expect(page.meta('description')).toEqual([article.summary])
            expect(page.canonical).toEqual([url])
            expect(page.meta('og:url')).toEqual([url])
            expect(page.meta('og:type')).toEqual(['article'])
            expect(page.meta('og:title')).toEqual([title])
            expect(page.meta('og:description')).toEqual([article.summary])
            expect(page.meta('article:published_time')).toEqual([
              article.date_published,
            ])
            expect(page.meta('article:section')).toEqual([
              article._zixun.categories[0][0],
            ])
            expect(page.meta('og:image')).toEqual(previewImage(article))
            expect(page.meta('twitter:card')).toEqual([
              previewImage(article).length ? 'summary_large_image' : 'summary',
            ])
            expect(page.jsonLd).toHaveLength(1)
            expect(page.jsonLd[0]).toMatchObject({
              '@type': 'NewsArticle',
              url,
              datePublished: article.date_published,
            })
            // The same hashed bundle as the shell: one download for both.
            expect(page.scripts).toEqual(shell.scripts)
          }
        }
      })

      test('feeds, sitemap and robots.txt describe the corpus', async ({
        request,
      }) => {
        const feed = await (await request.get('/feed.json')).json()
        expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
        expect(feed.items).toHaveLength(articles.length)
        const rss = await (await request.get('/rss.xml')).text()
        expect(rss.match(/<item>/g)).toHaveLength(articles.length)
        const sitemap = await (await request.get('/sitemap.xml')).text()
        for (const article of articles) {
          expect(sitemap).toContain(`<loc>${siteUrl}/a/${article.id}</loc>`)
        }
        const robots = await (await request.get('/robots.txt')).text()
        expect(robots).toContain(`Sitemap: ${siteUrl}/sitemap.xml`)
      })
    })
  }

  test.describe('on nginx', () => {
    test.use({ baseURL: nginxBaseURL })

    test('an unknown article gives status 404 and the 404 view', async ({
      page,
    }) => {
      for (const href of ['/a/no-such-article', '/a/bad%20id!', '/nope']) {
        const response = await page.goto(href)
        expect(response?.status(), href).toBe(404)
        await expect(
          page.getByRole('heading', { name: 'Not found' }),
        ).toBeVisible()
      }
    })

    test('missing static files are 404s, not the HTML shell', async ({
      request,
    }) => {
      for (const href of [
        '/assets/nope.js',
        '/data/articles/nope.json',
        '/data/pages/all/nope/1.json',
      ]) {
        const response = await request.get(href)
        expect(response.status(), href).toBe(404)
        expect(await response.text()).not.toContain('<div id="root">')
      }
    })

    test('reader routes get the shell with status 200', async ({ page }) => {
      const response = await page.goto(`/c/${encodeURIComponent(category)}`)
      expect(response?.status()).toBe(200)
      await expect(page.getByRole('heading', { level: 1 })).toContainText(
        category,
      )
      const saved = await page.goto('/saved')
      expect(saved?.status()).toBe(200)
      await expect(page.getByRole('heading', { level: 1 })).toContainText(
        'Saved articles',
      )
    })

    test('hashed files are cached for good, HTML and the manifest revalidate', async ({
      request,
    }) => {
      const shell = await request.get('/')
      const html = await shell.text()
      const assets = [
        ...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g),
      ].map((m) => m[1])
      expect(assets.length).toBeGreaterThanOrEqual(2)
      const manifest = await (await request.get('/data/manifest.json')).json()
      const listPage = `/data/${manifest.all.base}1.json`
      for (const href of [...assets, listPage]) {
        const response = await request.get(href)
        expect(response.status(), href).toBe(200)
        expect(response.headers()['cache-control'], href).toBe(
          'public, max-age=31536000, immutable',
        )
      }
      for (const href of [
        '/',
        `/a/${cases[0].id}`,
        `/c/${encodeURIComponent(category)}`,
        '/data/manifest.json',
        `/data/articles/${cases[0].id}.json`,
        '/a/no-such-article',
      ]) {
        const response = await request.get(href)
        expect(response.headers()['cache-control'], href).toBe('no-cache')
      }
    })

    test('pages carry the CSP and security headers; code and data only what they use', async ({
      request,
    }) => {
      for (const href of ['/', `/a/${cases[0].id}`, '/a/no-such-article']) {
        const headers = (await request.get(href)).headers()
        expect(headers['content-security-policy'], href).toBe(
          buildContentSecurityPolicy('header'),
        )
        expect(headers['x-content-type-options']).toBe('nosniff')
        expect(headers['referrer-policy']).toBe('no-referrer')
        expect(headers['permissions-policy']).toContain('camera=()')
      }
      const html = await (await request.get('/')).text()
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? ''
      const manifest = await (await request.get('/data/manifest.json')).json()
      for (const href of [
        script,
        '/data/manifest.json',
        `/data/${manifest.all.base}1.json`,
        `/data/articles/${cases[0].id}.json`,
      ]) {
        const response = await request.get(href)
        expect(response.status(), href).toBe(200)
        const headers = response.headers()
        expect(headers['x-content-type-options'], href).toBe('nosniff')
        expect(headers['referrer-policy'], href).toBe('no-referrer')
        expect(headers['content-security-policy'], href).toBeUndefined()
        expect(headers['permissions-policy'], href).toBeUndefined()
      }
    })

    test('text is served compressed', async ({ request }) => {
      const html = await (await request.get('/')).text()
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? ''
      const response = await request.get(script, {
        headers: { 'accept-encoding': 'gzip' },
      })
      expect(response.headers()['content-encoding']).toBe('gzip')
    })
  })
}
