// @vitest-environment jsdom
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { ArticleSummary } from '../../src/lib/article-schema.ts'
import { loadPrerenderer, type CreatePrerenderer } from './load-prerenderer.ts'
import { parsePrerenderLimit, prerenderSite } from './prerender.ts'
import { makeSummary, writeSite } from './test-data.ts'

let createPrerenderer: CreatePrerenderer
beforeAll(async () => {
  createPrerenderer = await loadPrerenderer(
    path.resolve(import.meta.dirname, '../..'),
  )
}, 60_000)

const dirs: string[] = []
async function site(
  count: number,
  pageSize?: number,
  extra: (n: number) => Partial<ArticleSummary> = (n) =>
    n % 2 ? { image: `/img/${n}.jpg` } : {},
) {
  const dir = await mkdtemp(path.join(tmpdir(), 'zixun-prerender-'))
  dirs.push(dir)
  await writeSite(
    dir,
    Array.from({ length: count }, (_, i) => makeSummary(i + 1, extra(i + 1))),
    pageSize,
  )
  return dir
}

/** A written page's `#root`, parsed as a browser would without JavaScript. */
async function readRoot(dir: string, id: string) {
  const html = await readFile(path.join(dir, 'a', id, 'index.html'), 'utf8')
  const document = new DOMParser().parseFromString(html, 'text/html')
  return document.querySelector('#root')!
}

const nasty = '<script>alert("x")</script> Tom & Jerry\'s "quote" </title>'

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true })))
})

describe('prerenderSite', () => {
  test('writes a page per article, the feeds, sitemap and robots.txt', async () => {
    const dir = await site(30, 7)
    const result = await prerenderSite({
      distDir: dir,
      createPrerenderer,
      siteUrl: 'https://news.example',
    })
    expect(result).toMatchObject({ articles: 30, prerendered: 30 })
    expect((await readdir(path.join(dir, 'a'))).sort()).toHaveLength(30)
    const html = await readFile(path.join(dir, 'a/post-7/index.html'), 'utf8')
    expect(html).toContain(
      '<link rel="canonical" href="https://news.example/a/post-7">',
    )
    const feed = JSON.parse(await readFile(path.join(dir, 'feed.json'), 'utf8'))
    expect(feed.items).toHaveLength(30)
    expect(feed.items[0].id).toBe('post-1')
    const sitemap = await readFile(path.join(dir, 'sitemap.xml'), 'utf8')
    expect(sitemap.match(/<url>/g)).toHaveLength(1 + 2 + 30)
    expect(await readFile(path.join(dir, 'robots.txt'), 'utf8')).toContain(
      'https://news.example/sitemap.xml',
    )
  })

  test('prerenders only the newest `limit` articles; the rest stay in the sitemap', async () => {
    const dir = await site(60, 24)
    const result = await prerenderSite({
      distDir: dir,
      createPrerenderer,
      limit: 10,
    })
    expect(result?.prerendered).toBe(10)
    const pages = await readdir(path.join(dir, 'a'))
    expect(pages.sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `post-${i + 1}`).sort(),
    )
    const feed = JSON.parse(await readFile(path.join(dir, 'feed.json'), 'utf8'))
    expect(feed.items).toHaveLength(50)
    expect(await readFile(path.join(dir, 'sitemap.xml'), 'utf8')).toContain(
      'http://localhost:4173/a/post-60',
    )
  })

  test('keeps a robots.txt the site ships', async () => {
    const dir = await site(1)
    await writeFile(
      path.join(dir, 'robots.txt'),
      'User-agent: *\nDisallow: /\n',
    )
    const result = await prerenderSite({ distDir: dir, createPrerenderer })
    expect(result?.files).not.toContain('robots.txt')
    expect(await readFile(path.join(dir, 'robots.txt'), 'utf8')).toContain(
      'Disallow',
    )
  })

  test('does nothing for a build without data', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'zixun-prerender-'))
    dirs.push(dir)
    expect(await prerenderSite({ distDir: dir, createPrerenderer })).toBeNull()
  })

  test('prerenders 1,000 articles in well under the time of a build', async () => {
    // The full-size measurement is `tsx scripts/prerender/bench.ts 10000`.
    const dir = await site(1000)
    const result = await prerenderSite({ distDir: dir, createPrerenderer })
    expect(result?.prerendered).toBe(1000)
    expect(result?.ms).toBeLessThan(15_000)
  }, 30_000)
})

describe('a prerendered page without JavaScript', () => {
  test('shows the frame, breadcrumb, headline, byline, summary and the original', async () => {
    const dir = await site(3, 24, (n) => ({
      title: n === 2 ? '为什么小程序成了BAT的宠儿？' : `Post ${n}`,
      external_url: `https://example.com/${n}`,
      date_published: '2022-09-03T04:44:17Z',
    }))
    await prerenderSite({ distDir: dir, createPrerenderer })
    const root = await readRoot(dir, 'post-2')
    expect(root.querySelector('header.site-header')?.textContent).toContain(
      '资讯',
    )
    const nav = root.querySelector('nav.category-nav')
    expect(nav?.getAttribute('aria-label')).toBe('分类')
    expect(
      [...(nav?.querySelectorAll('a') ?? [])].map((a) => a.textContent),
    ).toEqual(['全部 3', '编程 3', '资讯 3'])
    const crumbs = root.querySelector('main#main > nav.breadcrumb')
    expect(crumbs?.getAttribute('aria-label')).toBe('导航路径')
    expect(
      [...(crumbs?.querySelectorAll('a') ?? [])].map((a) => a.textContent),
    ).toEqual(['全部', '编程', '资讯'])
    const article = root.querySelector('main#main > article.article')
    // The path is the breadcrumb; the header does not repeat it.
    expect(article?.querySelector('.article-categories')).toBeNull()
    expect(article?.querySelector('h1')?.textContent).toBe(
      '为什么小程序成了BAT的宠儿？',
    )
    const time = article?.querySelector('.byline time')
    expect(time?.getAttribute('datetime')).toBe('2022-09-03T04:44:17Z')
    expect(time?.textContent).toBe('2022-09-03 04:44 UTC')
    expect(article?.querySelector('.article-body')?.textContent).toBe(
      'Summary 2',
    )
    const original = article?.querySelector('footer a')
    expect(original?.getAttribute('href')).toBe('https://example.com/2')
    expect(original?.textContent).toBe('阅读原文')
  })

  test('holds titles and summaries as text', async () => {
    const dir = await site(1, 24, () => ({
      title: nasty,
      summary: `${nasty} summary`,
    }))
    await prerenderSite({ distDir: dir, createPrerenderer })
    const root = await readRoot(dir, 'post-1')
    expect(root.querySelectorAll('script')).toHaveLength(0)
    expect(root.querySelector('h1')?.textContent).toBe(nasty)
    expect(root.querySelector('.article-body p')?.textContent).toBe(
      `${nasty} summary`,
    )
  })
})

describe('parsePrerenderLimit', () => {
  test.each([
    [undefined, 50_000],
    ['', 50_000],
    ['0', 0],
    ['1000', 1000],
  ])('%s → %s', (value, expected) => {
    expect(parsePrerenderLimit(value)).toBe(expected)
  })

  test.each(['-1', '1.5', 'all'])('refuses %s', (value) => {
    expect(() => parsePrerenderLimit(value)).toThrow(/ZIXUN_PRERENDER_LIMIT/)
  })
})
