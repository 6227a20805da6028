/**
 * Prefetch waits for the first screen: on a touch screen (cards in view
 * prefetch their article) nothing is fetched before the load event, at
 * most two articles at a time on a slow connection, and with saveData
 * only what the reader points at. `navigator.connection` is set by an
 * init script: Chromium's own estimate cannot be pinned.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

test.use({
  hasTouch: true,
  isMobile: true,
  viewport: { width: 390, height: 844 },
})

async function pretendConnection(page: Page, connection: object) {
  await page.addInitScript((value) => {
    Object.defineProperty(Navigator.prototype, 'connection', {
      get: () => value,
    })
  }, connection)
}

/** Article JSON fetched so far: start and end, relative to the load event's end. */
async function articleFetches(page: Page) {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[]
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/data/articles/'))
      .map((entry) => ({
        url: new URL(entry.name).pathname,
        start: entry.startTime - navigation.loadEventEnd,
        end:
          (entry as PerformanceResourceTiming).responseEnd -
          navigation.loadEventEnd,
        loaded: navigation.loadEventEnd > 0,
      }))
  })
}

test('on a slow connection, cards in view prefetch after the load event, two at a time', async ({
  page,
}) => {
  await pretendConnection(page, { effectiveType: '3g', saveData: false })
  await page.goto('/')
  await expect
    .poll(async () => (await articleFetches(page)).length)
    .toBeGreaterThanOrEqual(3)
  const fetches = await articleFetches(page)
  for (const fetch of fetches) {
    expect(fetch.loaded).toBe(true)
    expect(fetch.start, fetch.url).toBeGreaterThanOrEqual(0)
  }
  const overlapping = fetches.map(
    (fetch) =>
      fetches.filter(
        (other) => other.start <= fetch.start && other.end > fetch.start,
      ).length,
  )
  expect(Math.max(...overlapping)).toBeLessThanOrEqual(2)
})

test('with saveData, only the article the reader points at is prefetched', async ({
  page,
}) => {
  await pretendConnection(page, { effectiveType: '4g', saveData: true })
  await page.goto('/')
  const link = page.locator('ol.article-list h2 a').nth(2)
  await expect(
    page.getByRole('button', { name: 'Share' }).first(),
  ).toBeEnabled()
  await link.focus()
  const href = (await link.getAttribute('href'))!
  const id = decodeURIComponent(href.replace('/a/', ''))
  await expect
    .poll(async () => (await articleFetches(page)).map((fetch) => fetch.url))
    .toEqual([`/data/articles/${id}.json`])
})
