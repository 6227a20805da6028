import { expect, type Page } from '@playwright/test'
import { chromeResidue } from './xss-checks'

/**
 * Scrolls the (windowed) list to its end, loading every page, and checks
 * each rendered card as it passes. Returns the article links seen.
 */
export async function readWholeList(
  page: Page,
  problems: Set<string>,
  subject: string,
  count: number,
): Promise<Set<string>> {
  const seen = new Set<string>()
  await expect(
    page.getByRole('main').getByRole('article').first(),
  ).toBeAttached()
  const collect = async () => {
    const hrefs = await page
      .locator('.article-list .card-title a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    for (const href of hrefs) seen.add(href)
    for (const problem of await chromeResidue(page)) {
      problems.add(`${subject}: ${problem}`)
    }
  }
  // Down to the end (loading every page), then once more from the top when
  // rows were re-measured under the scroll and some were skipped.
  for (let sweep = 0; sweep < 2 && seen.size < count; sweep++) {
    await page.evaluate(() => window.scrollTo(0, 0))
    for (let step = 0; ; step++) {
      if (step > 2000) throw new Error(`${subject}: the list never ended`)
      await collect()
      const state = await scrollStep(page)
      if (state.bottom && !state.more) break
      if (state.bottom) await loadNextPage(page, state.height)
    }
    await collect()
  }
  return seen
}

/** Half a viewport down, once the rows for it have rendered. */
function scrollStep(page: Page) {
  return page.evaluate(async () => {
    const atBottom = () =>
      window.scrollY + window.innerHeight >=
      document.documentElement.scrollHeight - 2
    if (!atBottom()) {
      window.scrollBy(0, window.innerHeight * 0.5)
      await new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(resolve)),
      )
    }
    return {
      bottom: atBottom(),
      more: !!document.querySelector('.list-end button'),
      height: document.documentElement.scrollHeight,
    }
  })
}

/**
 * At the bottom with more to come: the next page loads by itself as the
 * end nears, or with the button; done when the list grew or ended.
 */
async function loadNextPage(page: Page, height: number) {
  const more = page.getByRole('button', { name: 'Load more' })
  await expect(async () => {
    if (await more.isVisible()) await more.click({ timeout: 1000 })
    const now = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      ended: !document.querySelector('.list-end button'),
    }))
    expect(now.ended || now.height > height).toBe(true)
  }).toPass({ timeout: 15_000 })
}
