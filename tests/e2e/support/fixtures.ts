import {
  test as base,
  expect,
  type BrowserContext,
  type Page,
} from '@playwright/test'

const PIXEL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3" fill="#c9b"/></svg>'

type Fixtures = {
  /** URLs of every request that left the reader's origin. */
  externalRequests: string[]
  /** Content-Security-Policy reports seen so far; any left fail the test. */
  cspViolations: CspViolations
}

/** One Content-Security-Policy report (event or console message). */
export type CspViolation = {
  source: 'event' | 'console'
  /** The URL of the frame (event) or page (console) that reported it. */
  url: string
  detail: string
}

export type CspViolations = {
  readonly seen: readonly CspViolation[]
  /** Returns and forgets the reports: for tests that cause them on purpose. */
  take(): CspViolation[]
}

const CSP_BINDING = '__zixunCspViolation'

/**
 * Records every `securitypolicyviolation` event (a capture listener on each
 * frame's document, installed before any page script) and every CSP or
 * Trusted Types console error of `context`.
 */
async function watchCsp(context: BrowserContext, seen: CspViolation[]) {
  await context.exposeBinding(CSP_BINDING, ({ frame }, detail: string) => {
    seen.push({ source: 'event', url: frame.url(), detail })
  })
  await context.addInitScript((binding) => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, unknown>)[binding]
        if (typeof report !== 'function') return
        const detail = JSON.stringify({
          directive: event.effectiveDirective,
          disposition: event.disposition,
          blockedURI: event.blockedURI,
          sourceFile: event.sourceFile,
          line: event.lineNumber,
          column: event.columnNumber,
          sample: event.sample,
        })
        void Promise.resolve(report(detail)).catch(() => {})
      },
      true,
    )
  }, CSP_BINDING)
  context.on('console', (message) => {
    const text = message.text()
    if (
      message.type() === 'error' &&
      /Content Security Policy|Trusted Type/i.test(text)
    ) {
      seen.push({
        source: 'console',
        url: message.page()?.url() ?? '',
        detail: text,
      })
    }
  })
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
  // Issue 4: no CSP violation may appear in any e2e test. Contexts the test
  // opens itself (browser.newContext) are watched too.
  cspViolations: [
    async ({ context, browser }, use) => {
      const seen: CspViolation[] = []
      await watchCsp(context, seen)
      const newContext = browser.newContext
      browser.newContext = async (...args) => {
        const created = await newContext.apply(browser, args)
        await watchCsp(created, seen)
        return created
      }
      try {
        await use({
          seen,
          take: () => seen.splice(0, seen.length),
        })
        // Let reports still in flight arrive.
        for (const page of context.pages()) {
          await page.evaluate(() => 0).catch(() => {})
        }
      } finally {
        browser.newContext = newContext
      }
      expect(seen, 'No CSP violation may appear in an e2e test').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

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
