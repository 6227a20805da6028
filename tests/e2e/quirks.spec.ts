/**
 * What real aggregated posts do, through the reader: each quirk the demo
 * generator put into the e2e corpus (scripts/demo/quirks.ts) reads right.
 * The posts and what they carry come from the generator's description.
 */
import type { Page } from '@playwright/test'
import { FEED_TITLES } from '../../scripts/demo/feed-file'
import { QUIRKS } from '../../scripts/demo/quirks'
import {
  categoryHref,
  readCorpus,
  titlePattern,
  type CorpusPost,
} from './support/corpus'
import { expect, test } from './support/fixtures'
import { articleLink, loadWholeList } from './support/page-helpers'

const corpus = readCorpus('demo')

/** The posts with any of `quirks`; inside a test, where none is a failure. */
function withQuirk(...quirks: string[]): CorpusPost[] {
  const posts = corpus.filter((post) =>
    quirks.some((q) => post.quirks.includes(q)),
  )
  expect(posts.length, quirks.join(', ')).toBeGreaterThan(0)
  return posts
}
const heading = (page: Page) => page.getByRole('heading', { level: 1 })

test('the corpus holds every quirk, each post written by the ingest', () => {
  // readCorpus throws for a post the ingest did not write.
  expect(new Set(corpus.flatMap((post) => post.quirks)).size).toBe(
    QUIRKS.length,
  )
})

test('titles the aggregator cleaned read as the source wrote them', async ({
  page,
}) => {
  const posts = withQuirk('cleaned-title')
  for (const post of posts) {
    await page.goto(`/a/${post.id}`)
    await expect(heading(page), post.file).toHaveText(post.demo!.sourceTitle!)
  }
})

test('quotes, $ % + & ~ ^, emoji and braces in titles reach the page as text', async ({
  page,
}) => {
  const posts = withQuirk('punctuation-title', 'braces')
  for (const post of posts) {
    await page.goto(`/a/${post.id}`)
    await expect(heading(page), post.file).toHaveText(titlePattern(post.title))
    await expect(heading(page)).not.toContainText('&#123;')
    const text = (await heading(page).textContent())!.trim()
    await expect(page).toHaveTitle(`${text} · Zixun`)
  }
})

test('a title of one space reads as the first words of its post, in the list too', async ({
  page,
}) => {
  const [post] = withQuirk('space-title')
  await page.goto(`/a/${post.id}`)
  await expect(heading(page)).toHaveText(/\S{4}/)
  const title = (await heading(page).textContent())!.trim()
  await page.goto('/')
  await loadWholeList(page)
  await expect(articleLink(page, post.id)).toHaveText(title)
})

test('dates in RFC 822 and without a zone read as the generator wrote them', async ({
  page,
}) => {
  for (const post of corpus.slice(0, 12)) {
    await page.goto(`/a/${post.id}`)
    const time = page.getByRole('main').getByRole('article').locator('time')
    await expect(time.first(), post.file).toHaveAttribute(
      'datetime',
      new RegExp(`^${post.demo!.date.replace('Z', '(?:\\.000)?Z')}$`),
    )
  }
})

test('the source sites’ markup, styles and pseudo-tags render as plain content', async ({
  page,
}) => {
  const posts = withQuirk(
    'style-block',
    'inline-styles',
    'source-markup',
    'whitespace-runs',
    'pseudo-tags',
  )
  for (const post of posts) {
    await page.goto(`/a/${post.id}`)
    await expect(heading(page)).toHaveText(titlePattern(post.title))
    const body = page.locator('.article-body')
    await expect(body.locator('style, [style], [onclick], [_src]')).toHaveCount(
      0,
    )
    if (post.quirks.includes('pseudo-tags')) {
      await expect(body).toContainText(/<DistroName>|<dependency>|<T>/)
    }
  }
  // 掘金's theme did not leak into the page.
  const styled = withQuirk('style-block')[0]
  await page.goto(`/a/${styled.id}`)
  expect(await page.locator('style').allTextContents()).not.toContainEqual(
    expect.stringContaining('.markdown-body'),
  )
})

/** Where each body image's pixels come from: `src` and `srcset`. */
function imageSources(page: Page) {
  return page.locator('.article-body img').evaluateAll((imgs) =>
    imgs.map((img) => ({
      src: img.getAttribute('src') ?? '',
      srcset: img.getAttribute('srcset') ?? '',
    })),
  )
}

test('proxied, lazy, relative and query-string images load from their real address', async ({
  page,
}) => {
  const posts = withQuirk(
    'cors-proxy-image',
    'lazy-images',
    'relative-images',
    'query-string-image',
  )
  for (const post of posts) {
    await page.goto(`/a/${post.id}`)
    await expect(page.locator('.article-body img').first()).toBeAttached()
    const link = post.demo!.link ? new URL(post.demo!.link).origin : null
    const seen: string[] = []
    for (const { src, srcset } of await imageSources(page)) {
      const urls = [
        src,
        // Candidates end at a comma and a space (URLs may hold commas).
        ...srcset.split(/,\s+/).map((c) => c.split(/\s/)[0]),
      ]
        .filter(Boolean)
        // A 1-pixel placeholder may stay as `src` beside a real `srcset`.
        .filter((url) => !(srcset && url.startsWith('data:')))
      expect(urls.length, post.file).toBeGreaterThan(0)
      seen.push(...urls)
    }
    for (const url of seen) {
      expect(url, post.file).not.toMatch(/^data:|cors\.zfour\.workers\.dev/)
      expect(url, post.file).toMatch(/^https?:\/\/|^\/demo\/images\//)
      // Page-relative in the post (images/…, ../uploads/…): resolved
      // against the post's link.
      if (/\/(images|uploads)\/demo-/.test(url) && !url.startsWith('/demo/')) {
        expect(new URL(url).origin, post.file).toBe(link)
      }
    }
    if (post.quirks.includes('query-string-image')) {
      expect(seen.join(' '), post.file).toMatch(/\?[^ ]*=[^ ]*[,&]/)
    }
  }
})

test('Markdown posts read as formatted HTML', async ({ page }) => {
  for (const post of withQuirk('markdown')) {
    await page.goto(`/a/${post.id}`)
    const body = page.locator('.article-body')
    await expect(body.getByRole('heading', { level: 2 })).toBeVisible()
    await expect(body.getByRole('listitem').first()).toBeVisible()
    await expect(body).not.toContainText('## ')
  }
})

test('RSS, Atom and JSON Feed items list with their feed as the source', async ({
  page,
}) => {
  const items = withQuirk('rss', 'atom', 'json-feed')
  expect(new Set(items.map((item) => item.demo!.format)).size).toBe(3)
  for (const item of items) {
    const [top] = item.categories[0]
    await page.goto(categoryHref([top]))
    await loadWholeList(page)
    const card = page
      .getByRole('main')
      .getByRole('article')
      .filter({ has: page.locator(`a[href="/a/${item.id}"]`) })
    const source = FEED_TITLES[item.demo!.format as keyof typeof FEED_TITLES]
    await expect(card, item.file).toContainText(source)
    await articleLink(page, item.id).click()
    await expect(heading(page)).toHaveText(titlePattern(item.title))
  }
})

test('the older front matter files under its two category levels', async ({
  page,
}) => {
  for (const post of withQuirk('old-front-matter')) {
    await page.goto(`/a/${post.id}`)
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
    await expect(crumbs.getByRole('link')).toHaveText([
      'All',
      ...post.categories[0],
    ])
  }
})
