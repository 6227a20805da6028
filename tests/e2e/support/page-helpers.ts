import { expect, type Page } from '@playwright/test'

/**
 * Loads every page of the current list: the next page loads as the list
 * nears the viewport, or with "Load more"; retried until the end shows.
 */
export async function loadWholeList(page: Page) {
  const end = page.getByText('You have reached the end.')
  const more = page.getByRole('button', { name: 'Load more' })
  await expect(async () => {
    // The button may be replaced under the click by a page that loaded by
    // itself: then the next round looks again.
    if (await more.isVisible()) await more.click({ timeout: 1000 })
    await expect(end).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 20_000 })
}

/** The title link of article `id` in the list on the page. */
export function articleLink(page: Page, id: string) {
  return page
    .getByRole('main')
    .getByRole('heading', { level: 2 })
    .locator(`a[href="/a/${id}"]`)
}

/**
 * Waits until every image under `selector` (only those in the viewport,
 * with `inViewport`: lazy ones further down have not started) has loaded
 * or failed.
 */
export async function waitForImages(
  page: Page,
  selector: string,
  { inViewport = false } = {},
) {
  await expect
    .poll(
      () =>
        page.evaluate(
          ({ selector, inViewport }) =>
            [...document.querySelectorAll<HTMLImageElement>(`${selector} img`)]
              .filter((img) => {
                if (!inViewport) return true
                const { top, bottom } = img.getBoundingClientRect()
                return bottom > 0 && top < window.innerHeight
              })
              .every((img) => img.complete),
          { selector, inViewport },
        ),
      { message: `images under ${selector} loaded or failed` },
    )
    .toBe(true)
}

/** Waits until the window stops scrolling (smooth scrolling, wheel). */
export async function waitForScrollToSettle(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const frame = () =>
            new Promise((resolve) => requestAnimationFrame(resolve))
          const before = window.scrollY
          await frame()
          await frame()
          return window.scrollY === before
        }),
      { message: 'the page stopped scrolling' },
    )
    .toBe(true)
}

/**
 * The article links of the list, in order. Long lists are windowed (rows far
 * from the viewport are not in the DOM), so this scrolls through the list,
 * collects each row by its position (`aria-posinset`) and scrolls back.
 */
export async function listedArticleHrefs(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const frames = () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(resolve)),
      )
    const found = new Map<number, string>()
    const start = window.scrollY
    window.scrollTo(0, 0)
    // Half a viewport per step: bounded by the page's height.
    const steps = Math.ceil(
      (2 * document.documentElement.scrollHeight) / window.innerHeight,
    )
    for (let step = 0; step <= steps; step++) {
      await frames()
      for (const row of document.querySelectorAll('li[aria-posinset]')) {
        const link = row.querySelector('h2 a')
        const position = Number(row.getAttribute('aria-posinset'))
        if (link && position)
          found.set(position, link.getAttribute('href') ?? '')
      }
      const bottom = window.scrollY + window.innerHeight
      if (bottom >= document.documentElement.scrollHeight - 2) break
      window.scrollBy(0, window.innerHeight / 2)
    }
    window.scrollTo(0, start)
    await frames()
    return [...found].sort((a, b) => a[0] - b[0]).map(([, href]) => href)
  })
}
