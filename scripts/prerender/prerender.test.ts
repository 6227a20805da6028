// @vitest-environment jsdom
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { ArticleSummary } from '../../src/lib/article-schema.ts'
import { loadPrerenderer, type CreatePrerenderer } from './load-prerenderer.ts'
import { parsePrerenderLimit, prerenderSite } from './prerender.ts'
import { makeSummary, SHELL, writeBuild, writeSite } from './test-data.ts'

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

  test('gives a build without data only the shell', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'zixun-prerender-'))
    dirs.push(dir)
    await writeBuild(dir)
    expect(await prerenderSite({ distDir: dir, createPrerenderer })).toBeNull()
    const shell = await readFile(path.join(dir, 'shell.html'), 'utf8')
    expect(await readFile(path.join(dir, 'index.html'), 'utf8')).toBe(shell)
    expect((await readdir(dir)).sort()).toEqual([
      '.vite',
      'index.html',
      'shell.html',
    ])
  })

  test('prerenders 1,000 articles in well under the time of a build', async () => {
    // The full-size measurement is `tsx scripts/prerender/bench.ts 10000`.
    const dir = await site(1000)
    const result = await prerenderSite({ distDir: dir, createPrerenderer })
    expect(result?.prerendered).toBe(1000)
    expect(result?.ms).toBeLessThan(15_000)
  }, 30_000)
})

describe('list pages and the shell', () => {
  const read = (dir: string, file: string) =>
    readFile(path.join(dir, file), 'utf8')
  const cards = (html: string) =>
    [
      ...new DOMParser()
        .parseFromString(html, 'text/html')
        .querySelectorAll('#root ol.article-list > li h2 a'),
    ].map((a) => a.textContent)

  test('index.html is the first screen of all articles; shell.html stays data-free', async () => {
    const dir = await site(30)
    const result = await prerenderSite({ distDir: dir, createPrerenderer })
    expect(result?.lists).toBe(1 + 2)
    const home = await read(dir, 'index.html')
    expect(cards(home)).toEqual(
      Array.from({ length: 24 }, (_, i) => `Post ${i + 1}`),
    )
    expect(home).toContain('<meta name="zixun-prerendered" content="/">')
    // Its hints wait for its first paint (the entry turns them into rel).
    expect(home).toMatch(
      /<link data-after-paint="preload" as="fetch" crossorigin href="\/data\/lists\/all\/1\.json">/,
    )
    expect(home).toContain(
      '<link data-after-paint="modulepreload" crossorigin href="/assets/article-list-l1.js">',
    )
    expect(home).toContain(
      '<link data-after-paint="modulepreload" crossorigin href="/assets/start-s1.js">',
    )
    expect(home).not.toMatch(/rel="(modulepreload|preload)"/)
    const shell = await read(dir, 'shell.html')
    expect(shell).toContain('<div id="root"></div>')
    // The app's start, which the entry imports after the first paint.
    expect(shell).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/start-s1.js">',
    )
    expect(shell).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/root-r1.js">',
    )
    expect(shell).toContain(
      '<link rel="preload" as="fetch" crossorigin href="/data/manifest.json">',
    )
    // Each chunk is preloaded once; the entry's own imports not at all.
    expect(home.match(/queries-q1\.js/g)).toHaveLength(1)
    expect(home).not.toContain('react-xyz.js')
    expect(shell.replace(/\s/g, '')).toBe(
      SHELL.replace(/\s/g, '').replace(
        '</head>',
        '<linkrel="modulepreload"crossoriginhref="/assets/start-s1.js"><linkrel="modulepreload"crossoriginhref="/assets/root-r1.js"><linkrel="modulepreload"crossoriginhref="/assets/queries-q1.js"><linkrel="preload"as="fetch"crossoriginhref="/data/manifest.json"></head>',
      ),
    )
  })

  test('a rebuild with other data leaves the shell as it was', async () => {
    const first = await site(30)
    const second = await site(5, 24, (n) => ({ title: `Other ${n}` }))
    for (const dir of [first, second]) {
      await prerenderSite({ distDir: dir, createPrerenderer })
    }
    expect(await read(second, 'shell.html')).toBe(
      await read(first, 'shell.html'),
    )
    expect(await read(second, 'index.html')).not.toBe(
      await read(first, 'index.html'),
    )
  })

  test('category pages are named as hosts look them up, and bounded', async () => {
    const paths: string[][] = [
      ['编程', '开源中国'],
      ['IT 之家'],
      ['A/B'],
      ['AI'],
      ['ai'],
    ]
    const dir = await site(10, 24, (n) => ({
      _zixun: { categories: [paths[n % paths.length]], reading_minutes: 1 },
    }))
    await prerenderSite({ distDir: dir, createPrerenderer, listLimit: 10 })
    const page = await read(dir, 'c/编程/开源中国/index.html')
    expect(page).toContain(
      '<meta name="zixun-prerendered" content="/c/%E7%BC%96%E7%A8%8B/%E5%BC%80%E6%BA%90%E4%B8%AD%E5%9B%BD">',
    )
    expect(page).toContain('<title>开源中国 · Zixun 资讯</title>')
    expect(cards(page)).toEqual(['Post 5', 'Post 10'])
    expect(cards(await read(dir, 'c/IT 之家/index.html'))).toEqual([
      'Post 1',
      'Post 6',
    ])
    expect((await readdir(path.join(dir, 'c'))).sort()).toEqual(
      ['IT 之家', '编程'].sort(),
    )
    const bounded = await site(10, 24, (n) => ({
      _zixun: { categories: [paths[n % paths.length]], reading_minutes: 1 },
    }))
    await prerenderSite({ distDir: bounded, createPrerenderer, listLimit: 1 })
    expect(await readdir(path.join(bounded, 'c'))).toHaveLength(1)
  })
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
