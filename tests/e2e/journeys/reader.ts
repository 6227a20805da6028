import {
  categoryHref,
  pickCategories,
  postsUnder,
  readCorpus,
  titlePattern,
  visibleTitle,
  type CorpusPost,
  type E2eCorpus,
} from '../support/corpus'
import { expect, test } from '../support/fixtures'
import {
  articleLink,
  listedArticleHrefs,
  loadWholeList,
  waitForImages,
} from '../support/page-helpers'

/** Posts whose images the quirks made hard (lazy, proxied, relative…) first. */
function imagesFirst(corpus: CorpusPost[]): CorpusPost[] {
  const hard = (post: CorpusPost) =>
    post.quirks.filter((q) => q.endsWith('-image') || q.endsWith('-images'))
      .length
  return corpus
    .filter((post) => post.bodyHasImage)
    .sort((a, b) => hard(b) - hard(a))
}

/**
 * The reader over a corpus: the list, opening every post, cold article
 * URLs, category filters, images and the 404 view.
 */
export function readerJourney(name: E2eCorpus) {
  const corpus = readCorpus(name)
  const categories = pickCategories(corpus)

  test(`lists every one of the ${corpus.length} posts, newest first`, async ({
    page,
  }) => {
    await page.goto('/')
    await loadWholeList(page)
    const hrefs = await listedArticleHrefs(page)
    expect(new Set(hrefs)).toEqual(
      new Set(corpus.map((post) => `/a/${post.id}`)),
    )
    expect(hrefs).toHaveLength(corpus.length)
    const times = await page
      .getByRole('main')
      .getByRole('article')
      .locator('time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''))
    expect(times).toEqual([...times].sort().reverse())
  })

  test('every post opens by clicking its title, and Back returns to the list', async ({
    page,
  }) => {
    test.setTimeout(150_000)
    await page.goto('/')
    await loadWholeList(page)
    for (const post of corpus) {
      await articleLink(page, post.id).click()
      await expect(page).toHaveURL(`/a/${post.id}`)
      const heading = page.getByRole('heading', { level: 1 })
      const title = visibleTitle(post.title)
      if (title) await expect(heading).toHaveText(titlePattern(title))
      else await expect(heading).toBeVisible()
      await page.goBack()
      await expect(page).toHaveURL('/')
      await expect(articleLink(page, post.id)).toBeVisible()
    }
  })

  test('article URLs loaded cold in a fresh browser show that article', async ({
    browser,
  }) => {
    const picks = corpus.filter((post) => visibleTitle(post.title)).slice(0, 6)
    for (const post of picks) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`/a/${post.id}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        titlePattern(post.title),
      )
      await context.close()
    }
  })

  test('a category link shows exactly the posts under that category', async ({
    page,
  }) => {
    for (const categoryPath of [
      categories.top,
      categories.second,
      categories.third,
    ]) {
      await page.goto('/')
      const nav = page.getByRole('navigation', { name: 'Categories' })
      // Each click opens the next level of the tree.
      for (let level = 1; level <= categoryPath.length; level++) {
        const name = categoryPath[level - 1].replace(
          /[.*+?^${}()|[\]\\]/g,
          '\\$&',
        )
        await nav
          .getByRole('link', { name: new RegExp(`^${name} \\d+ Unread$`) })
          .click()
        await expect(page).toHaveURL(categoryHref(categoryPath.slice(0, level)))
      }
      await expect(page.getByRole('heading', { level: 1 })).toContainText(
        categoryPath.at(-1)!,
      )
      await loadWholeList(page)
      const hrefs = await listedArticleHrefs(page)
      expect(hrefs.sort()).toEqual(
        postsUnder(corpus, categoryPath)
          .map((post) => `/a/${post.id}`)
          .sort(),
      )
    }
  })

  test('article images load lazily and without a Referer', async ({ page }) => {
    const withImages = imagesFirst(corpus)
    expect(withImages.length).toBeGreaterThanOrEqual(5)
    for (const post of withImages.slice(0, 6)) {
      await page.goto(`/a/${post.id}`)
      const body = page.getByRole('main').getByRole('article')
      const images = body.getByRole('img').or(body.locator('img[alt=""]'))
      await expect(images.first()).toBeAttached()
      for (const img of await images.all()) {
        await expect(img, post.file).toHaveAttribute(
          'referrerpolicy',
          'no-referrer',
        )
        await expect(img, post.file).toHaveAttribute('loading', 'lazy')
      }
    }
  })

  test('thumbnails far below the fold are not requested before scrolling', async ({
    page,
  }) => {
    const requested: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'image') requested.push(request.url())
    })
    await page.setViewportSize({ width: 400, height: 700 })
    await page.goto('/')
    const thumbnails = page
      .getByRole('main')
      .getByRole('article')
      .locator('.thumbnail img')
    await expect(thumbnails.first()).toBeVisible()
    // What the first screen asked for has arrived (or failed).
    await waitForImages(page, 'main', { inViewport: true })
    const before = [...requested]
    const farBelow = await thumbnails.evaluateAll((imgs) =>
      imgs
        .filter((img) => img.getBoundingClientRect().top > 3500)
        .map((img) => (img as HTMLImageElement).src),
    )
    expect(farBelow.length).toBeGreaterThan(0)
    for (const src of farBelow) expect(before).not.toContain(src)

    await loadWholeList(page)
    const all = await thumbnails.evaluateAll((imgs) =>
      imgs.map((img) => (img as HTMLImageElement).src),
    )
    expect(all.length).toBeGreaterThan(5)
    await thumbnails.last().scrollIntoViewIfNeeded()
    await expect.poll(() => requested.includes(all.at(-1)!)).toBe(true)
  })

  test('an unknown article shows the 404 view', async ({ page }) => {
    for (const href of [
      '/a/no-such-article',
      '/a/bad%20id!',
      '/c/no-such-category',
    ]) {
      await page.goto(href)
      await expect(
        page.getByRole('heading', { name: 'Not found' }),
      ).toBeVisible()
    }
  })
}
