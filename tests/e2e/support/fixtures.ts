import { test as base, expect, type BrowserContext } from '@playwright/test'

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
