import { readSharedCorpus } from './support/shared-corpus'
import {
  expect,
  listedArticleHrefs,
  loadWholeList,
  test,
} from './support/fixtures'

const corpus = readSharedCorpus()
const visibleTitle = (title: string) => (title.trim() ? title : null)

/**
 * The aggregator writes `: / \\ ? * “ ” < > | [ ]` in titles as `_`; the
 * ingest may restore the original from the body, so either form matches.
 */
function titlePattern(title: string): RegExp {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(
    `^\\s*${escaped.replaceAll('_', '[_:/\\\\?*“”<>|\\[\\]]')}\\s*$`,
  )
}

test('lists every one of the 40 shared posts, newest first', async ({
  page,
}) => {
  expect(corpus).toHaveLength(40)
  await page.goto('/')
  await loadWholeList(page)
  const hrefs = await listedArticleHrefs(page)
  expect(new Set(hrefs)).toEqual(new Set(corpus.map((post) => `/a/${post.id}`)))
  const times = await page
    .locator('.article-list time')
    .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''))
  const sorted = [...times].sort().reverse()
  expect(times).toEqual(sorted)
})

test('every post opens by clicking its title, and Back returns to the list', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await loadWholeList(page)
  for (const post of corpus) {
    await page.locator(`.article-list a[href="/a/${post.id}"]`).click()
    await expect(page).toHaveURL(`/a/${post.id}`)
    const heading = page.getByRole('heading', { level: 1 })
    const title = visibleTitle(post.title)
    if (title) await expect(heading).toHaveText(titlePattern(title))
    else await expect(heading).toBeVisible()
    await page.goBack()
    await expect(page).toHaveURL('/')
    await expect(
      page.locator(`.article-list a[href="/a/${post.id}"]`),
    ).toBeVisible()
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
  for (const path of [
    ['编程'],
    ['新媒体', '36kr'],
    ['编程', '开源中国', '资讯'],
  ]) {
    const expected = corpus.filter((post) =>
      path.every((name, i) => post.categories[i] === name),
    )
    await page.goto('/')
    const nav = page.getByRole('navigation', { name: 'Categories' })
    // Each click opens the next level of the tree.
    for (let level = 1; level <= path.length; level++) {
      const href = `/c/${path.slice(0, level).map(encodeURIComponent).join('/')}`
      await nav.locator(`a[href="${href}"]`).click()
      await expect(page).toHaveURL(href)
    }
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      path.at(-1)!,
    )
    await loadWholeList(page)
    const hrefs = await listedArticleHrefs(page)
    expect(hrefs.sort()).toEqual(expected.map((post) => `/a/${post.id}`).sort())
  }
})

test('article images load lazily and without a Referer', async ({ page }) => {
  const withImages = corpus.filter((post) => post.bodyHasImage)
  expect(withImages.length).toBeGreaterThan(10)
  for (const post of withImages.slice(0, 5)) {
    await page.goto(`/a/${post.id}`)
    const images = page.locator('.article-body img')
    await expect(images.first()).toBeAttached()
    for (const img of await images.all()) {
      await expect(img).toHaveAttribute('referrerpolicy', 'no-referrer')
      await expect(img).toHaveAttribute('loading', 'lazy')
    }
  }
})

test('thumbnails far below the fold are not requested before scrolling', async ({
  page,
  externalRequests,
}) => {
  await page.setViewportSize({ width: 400, height: 700 })
  await page.goto('/')
  await expect(page.locator('.article-list article').first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  const before = [...externalRequests]
  const thumbnails = page.locator('.article-list .thumbnail img')
  const farBelow = await thumbnails.evaluateAll((imgs) =>
    imgs
      .filter((img) => img.getBoundingClientRect().top > 3500)
      .map((img) => (img as HTMLImageElement).src),
  )
  for (const src of farBelow) expect(before).not.toContain(src)

  await loadWholeList(page)
  const all = await thumbnails.evaluateAll((imgs) =>
    imgs.map((img) => (img as HTMLImageElement).src),
  )
  expect(all.length).toBeGreaterThan(5)
  expect(all.filter((src) => !before.includes(src)).length).toBeGreaterThan(0)
  await thumbnails.last().scrollIntoViewIfNeeded()
  await expect.poll(() => externalRequests.includes(all.at(-1)!)).toBe(true)
})

test('an unknown article shows the 404 view', async ({ page }) => {
  await page.goto('/a/no-such-article')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  await page.goto('/a/bad%20id!')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  await page.goto('/c/no-such-category')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
})
