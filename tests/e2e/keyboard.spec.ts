import type { Page } from '@playwright/test'
import type { ListPage, Manifest } from '../../src/lib/article-schema'
import { expect, test } from './support/fixtures'
import { appStarted } from './support/app-started'
import { openSettings } from './support/settings'

// Some of these journeys shape the data with page.route, which does not see
// the service worker's own fetches: without a worker, every request is the page's.
test.use({ serviceWorkers: 'block' })

async function get<T>(page: Page, file: string): Promise<T> {
  return (await (await page.request.get(`/data/${file}`)).json()) as T
}

/** The list of all articles as the build wrote it (every page). */
async function allListed(page: Page) {
  const manifest = await get<Manifest>(page, 'manifest.json')
  const pages = await Promise.all(
    Array.from({ length: manifest.all.pages }, (_, i) =>
      get<ListPage>(page, `${manifest.all.base}${i + 1}.json`),
    ),
  )
  return pages.flatMap((p) => p.items)
}

/** Opens the list at `path` and waits for its first card. */
async function openList(page: Page, path = '/') {
  await page.goto(path)
  await expect(cardLink(page, 0)).toBeVisible()
  await appStarted(page)
}

/** The title link of the card at `index` (0-based) of the list shown. */
function cardLink(page: Page, index: number) {
  return page
    .getByRole('main')
    .getByRole('listitem')
    .and(page.locator(`[aria-posinset="${index + 1}"]`))
    .getByRole('heading', { level: 2 })
    .getByRole('link')
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
})

test('a keyboard-only reader walks a list, opens an article, walks on with n and p, and returns to the same card', async ({
  page,
}) => {
  const items = await allListed(page)
  await openList(page)
  await page.keyboard.press('j')
  await expect(cardLink(page, 0)).toBeFocused()
  for (let i = 1; i < 12; i++) await page.keyboard.press('j')
  await expect(cardLink(page, 11)).toBeFocused()
  await expect(cardLink(page, 11)).toBeInViewport()
  await page.keyboard.press('k')
  await expect(cardLink(page, 10)).toBeFocused()
  await expect(cardLink(page, 10)).toBeInViewport()
  await page.keyboard.press('o')
  await expect(page).toHaveURL(`/a/${items[10].id}`)
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toBeFocused()
  await expect(
    page.getByRole('navigation', { name: 'More in this list' }),
  ).toBeVisible()
  await page.keyboard.press('n')
  await expect(page).toHaveURL(`/a/${items[11].id}`)
  await expect(heading).toHaveText(items[11].title.trim())
  await expect(heading).toBeFocused()
  // This article's own neighbours, not the last one's still on screen.
  await expect(page.getByRole('link', { name: /Previous/ })).toHaveAttribute(
    'href',
    `/a/${items[10].id}`,
  )
  await page.keyboard.press('p')
  await expect(page).toHaveURL(`/a/${items[10].id}`)
  await expect(heading).toHaveText(items[10].title.trim())
  // The page's keys are bound in the effects after it renders: a press
  // in between is a press on nothing, so press again until it counts.
  await expect(async () => {
    if (new URL(page.url()).pathname !== '/') await page.keyboard.press('u')
    await expect(page).toHaveURL('/', { timeout: 1000 })
  }).toPass({ timeout: 10_000 })
  await expect(cardLink(page, 10)).toBeInViewport()
  await page.keyboard.press('j')
  await expect(cardLink(page, 11)).toBeFocused()
  // Enter on the selected title opens it; g h goes home from anywhere.
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/a/${items[11].id}`)
  await page.keyboard.press('g')
  await page.keyboard.press('h')
  await expect(page).toHaveURL('/')
})

test('j reaches a card outside the rendered window of a long list, and loads the next page past the last card', async ({
  page,
}) => {
  // A long list from the build's own cards: ten pages of them.
  const manifest = await get<Manifest>(page, 'manifest.json')
  const first = (await allListed(page)).slice(0, 24)
  const pages = 10
  const served = new Set<number>()
  await page.route('**/data/manifest.json', (route) =>
    route.fulfill({
      json: { ...manifest, all: { ...manifest.all, count: pages * 24, pages } },
    }),
  )
  await page.route(`**/data/${manifest.all.base}*.json`, (route) => {
    const n = Number(/(\d+)\.json$/.exec(route.request().url())?.[1])
    served.add(n)
    const body: ListPage = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'All',
      ...(n < pages ? { next_url: `${n + 1}.json` } : {}),
      items: first.map((item) => ({
        ...item,
        id: `${item.id}-p${n}`,
        url: `/a/${item.id}-p${n}`,
      })),
      _zixun: { list: 'all', page: n, pages, count: pages * 24 },
    }
    return route.fulfill({ json: body })
  })
  await openList(page)
  for (let i = 0; i < 24; i++) await page.keyboard.press('j')
  // Past the first page's last card: the next page loads, its first card is selected.
  await expect(cardLink(page, 23)).toBeFocused()
  await page.keyboard.press('j')
  await expect(cardLink(page, 24)).toBeFocused()
  await page.keyboard.press('k')
  await expect(cardLink(page, 23)).toBeFocused()
  // Scroll far away, loading pages as a reader does: the selected card
  // leaves the window (the list renders only the rows near the viewport).
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    expect(served.size).toBeGreaterThanOrEqual(4)
  }).toPass()
  await expect(cardLink(page, 23)).toHaveCount(0)
  expect(
    await page.getByRole('main').getByRole('listitem').count(),
  ).toBeLessThan(48)
  await page.keyboard.press('j')
  await expect(cardLink(page, 24)).toBeFocused()
  await expect(cardLink(page, 24)).toBeInViewport()
})

test('v opens the original in a new tab, without an opener', async ({
  page,
  context,
}) => {
  const items = await allListed(page)
  const index = items.findIndex((item) => item.external_url)
  expect(index, 'a card with an original').toBeGreaterThanOrEqual(0)
  await openList(page)
  for (let i = 0; i <= index; i++) await page.keyboard.press('j')
  await expect(cardLink(page, index)).toBeFocused()
  const opened = context.waitForEvent('page')
  await page.keyboard.press('v')
  const tab = await opened
  await expect(tab).toHaveURL(items[index].external_url!)
  expect(await tab.evaluate(() => window.opener)).toBeNull()
  await tab.close()
  // The list stays where it was.
  await expect(cardLink(page, index)).toBeFocused()
})

test('? shows every key of the view in a dialog; Esc closes it and focus returns; the settings menu opens it too', async ({
  page,
}) => {
  await openList(page)
  await page.keyboard.press('j')
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  for (const group of ['Lists', 'Go to', 'General']) {
    await expect(dialog.getByRole('heading', { name: group })).toBeVisible()
  }
  await expect(dialog.getByText('Open the original in a new tab')).toBeVisible()
  // Keys inside the dialog are its own.
  await page.keyboard.press('j')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(cardLink(page, 0)).toBeFocused()
  // Without a keyboard: the settings menu.
  const menu = await openSettings(page)
  await menu.getByRole('button', { name: /Keyboard shortcuts/ }).click()
  await expect(menu).toBeHidden()
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
})

test('Esc closes the settings menu and the help overlay lists the article’s keys on an article', async ({
  page,
}) => {
  const [item] = await allListed(page)
  await page.goto(`/a/${item.id}`)
  const menu = await openSettings(page)
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(
    page.getByRole('banner').getByRole('button', { name: 'Settings' }),
  ).toBeFocused()
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  const articleKeys = dialog.getByRole('region', { name: 'Article' })
  await expect(articleKeys).toContainText('Back to the list')
  await expect(dialog.getByRole('region', { name: 'Lists' })).toHaveCount(0)
})
