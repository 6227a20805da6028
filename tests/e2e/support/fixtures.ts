import { test as base, expect, type Page } from '@playwright/test'

const PIXEL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3" fill="#c9b"/></svg>'

type Fixtures = {
  /** URLs of every request that left the reader's origin. */
  externalRequests: string[]
}

/**
 * The machine has no network: requests to other hosts (article images,
 * thumbnails) are answered with a tiny image and recorded.
 */
export const test = base.extend<Fixtures>({
  externalRequests: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin
      const urls: string[] = []
      await context.route(
        (url) => url.origin !== origin,
        (route) => {
          urls.push(route.request().url())
          return route.fulfill({
            contentType: 'image/svg+xml',
            body: PIXEL_SVG,
          })
        },
      )
      await use(urls)
    },
    { auto: true },
  ],
})

export { expect }

/** Loads every page of the current list by pressing "Load more" until the end. */
export async function loadWholeList(page: Page) {
  const end = page.getByText('You have reached the end.')
  const more = page.getByRole('button', { name: 'Load more' })
  while (!(await end.isVisible())) {
    // The next page may also load by itself as the list nears the viewport,
    // replacing the button under the click: then just look again.
    if (await more.isVisible())
      await more.click({ timeout: 2000 }).catch(() => {})
    await page.waitForTimeout(50)
  }
}

/** The article links of the list, in order. */
export async function listedArticleHrefs(page: Page): Promise<string[]> {
  return page
    .locator('.article-list h2 a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
}
