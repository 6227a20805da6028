import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { parsePrerenderLimit, prerenderSite } from './prerender.ts'
import { makeSummary, writeSite } from './test-data.ts'

const dirs: string[] = []
async function site(count: number, pageSize?: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'zixun-prerender-'))
  dirs.push(dir)
  await writeSite(
    dir,
    Array.from({ length: count }, (_, i) =>
      makeSummary(i + 1, i % 2 ? {} : { image: `/img/${i}.jpg` }),
    ),
    pageSize,
  )
  return dir
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true })))
})

describe('prerenderSite', () => {
  test('writes a page per article, the feeds, sitemap and robots.txt', async () => {
    const dir = await site(30, 7)
    const result = await prerenderSite({
      distDir: dir,
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
    const result = await prerenderSite({ distDir: dir, limit: 10 })
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
    const result = await prerenderSite({ distDir: dir })
    expect(result?.files).not.toContain('robots.txt')
    expect(await readFile(path.join(dir, 'robots.txt'), 'utf8')).toContain(
      'Disallow',
    )
  })

  test('does nothing for a build without data', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'zixun-prerender-'))
    dirs.push(dir)
    expect(await prerenderSite({ distDir: dir })).toBeNull()
  })

  test('prerenders 1,000 articles in well under the time of a build', async () => {
    // The full-size measurement is `tsx scripts/prerender/bench.ts 10000`.
    const dir = await site(1000)
    const result = await prerenderSite({ distDir: dir })
    expect(result?.prerendered).toBe(1000)
    expect(result?.ms).toBeLessThan(15_000)
  }, 30_000)
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
