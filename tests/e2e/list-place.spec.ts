import type { Locator, Page } from '@playwright/test'
import type {
  ArticleSummary,
  ListPage,
  Manifest,
} from '../../src/lib/article-schema'
import { expect, test } from './support/fixtures'
import { appStarted } from './support/app-started'

/**
 * Two cards of the list of all articles as this build wrote it: one near
 * the top and one on page 2, each with a title no other card shares.
 */
async function pickCards(page: Page) {
  const get = async <T>(path: string) =>
    (await (await page.request.get(`/data/${path}`)).json()) as T
  const manifest = await get<Manifest>('manifest.json')
  expect(manifest.all.pages, 'the corpus fills two pages').toBeGreaterThan(1)
  const pages = await Promise.all(
    [1, 2].map((n) => get<ListPage>(`${manifest.all.base}${n}.json`)),
  )
  const titles = pages.flatMap((p) => p.items.map((item) => item.title))
  const unique = (item: ArticleSummary) =>
    item.title.trim() !== '' &&
    titles.filter((title) => title === item.title).length === 1
  const near = pages[0].items.slice(0, 3).find(unique)
  const deep = pages[1].items.slice(1).find(unique)
  expect(near && deep, 'cards with titles of their own').toBeTruthy()
  return { near: near!, deep: deep! }
}

/** Scrolls down with the wheel, as a reader does, until `target` is in view. */
async function scrollTo(page: Page, target: Locator) {
  // Steps shorter than the viewport less a card, so one step shows it whole.
  await expect(async () => {
    await page.mouse.wheel(0, 400)
    await expect(target).toBeInViewport({ ratio: 1, timeout: 100 })
  }).toPass({ intervals: [50], timeout: 20_000 })
}

/** The title link of the card called `title`. */
function cardTitle(page: Page, title: string): Locator {
  return page
    .getByRole('article', { name: title, exact: true })
    .getByRole('link', { name: title, exact: true })
}

async function topOf(link: Locator): Promise<number> {
  return (await link.boundingBox())?.y ?? Number.NaN
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
})

test('Back after reloading an article, and Back again after Forward, bring the list back to the same card', async ({
  page,
}) => {
  const { deep } = await pickCards(page)
  await page.goto('/')
  await appStarted(page)
  const link = cardTitle(page, deep.title)
  await scrollTo(page, link)
  const top = await topOf(link)
  // Focus and Enter open the card where it is (a click might scroll first).
  await link.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/a/${deep.id}`)
  const heading = page.getByRole('heading', { level: 1, name: deep.title })
  await expect(heading).toBeVisible()
  await page.reload()
  await expect(heading).toBeVisible()
  await page.goBack()
  await expect(page).toHaveURL('/')
  await expect(link).toBeInViewport()
  await expect.poll(() => topOf(link)).toBeCloseTo(top, -1)
  await page.goForward()
  await expect(heading).toBeVisible()
  await page.goBack()
  await expect(page).toHaveURL('/')
  await expect.poll(() => topOf(link)).toBeCloseTo(top, -1)
})

test('a link to the list opens a new entry of it, at the top', async ({
  page,
}) => {
  const { near, deep } = await pickCards(page)
  await page.goto('/')
  await appStarted(page)
  const link = cardTitle(page, deep.title)
  await scrollTo(page, link)
  await link.focus()
  await page.keyboard.press('Enter')
  await expect(
    page.getByRole('heading', { level: 1, name: deep.title }),
  ).toBeVisible()
  await page.getByRole('banner').getByRole('link', { name: 'Zixun' }).click()
  await expect(page).toHaveURL('/')
  await expect(cardTitle(page, near.title)).toBeInViewport()
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0)
})
