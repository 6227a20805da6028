/**
 * Prerendered lists: `/` and each category's page hold the first screen
 * of cards the app renders for them, and the browser hydrates it — no
 * node replaced, no layout shift, the LCP element the one in the HTML.
 * Every other reader path gets the data-free shell. On the production
 * build behind vite preview and nginx, over the demo corpus.
 */
import type { Page } from '@playwright/test'
import { paths } from '../../src/config/paths'
import {
  HINTS_RELEASED_MARK,
  PRERENDERED_META,
  SHELL_PATH,
} from '../../src/config/shell'
import { readCorpus } from './support/corpus'
import { expect, test } from './support/fixtures'
import { hostingServers, readBuiltManifest } from './support/servers'

const manifest = readBuiltManifest('demo')
const [article] = readCorpus('demo')
// A Chinese top category, and a category below one.
const top = manifest.categories.find((node) =>
  /[\u4e00-\u9fff]/.test(node.name),
)!
const nested = manifest.categories.find((node) => node.children.length > 0)
  ?.children[0]
const lists = [
  ['/', '/'],
  [top.name, paths.category.getHref(top.path)],
  ...(nested
    ? [[nested.path.join(' › '), paths.category.getHref(nested.path)]]
    : []),
] as const

type Watched = {
  removed: string[]
  shift: number
  lcp: { connected: boolean; tag: string }[]
}

/** Records removed elements, layout shifts and LCP candidates from the start. */
async function watchTakeover(page: Page) {
  await page.addInitScript(() => {
    const removed: string[] = []
    const lcp: Element[] = []
    let shift = 0
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) {
          if (node instanceof Element) {
            removed.push(
              `${(record.target as Element).tagName} > ${node.tagName}`,
            )
          }
        }
      }
    }).observe(document, { childList: true, subtree: true })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const layoutShift = entry as PerformanceEntry & {
          value: number
          hadRecentInput: boolean
        }
        if (!layoutShift.hadRecentInput) shift += layoutShift.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const element = (
          entry as PerformanceEntry & { element: Element | null }
        ).element
        if (element) lcp.push(element)
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true })
    Object.assign(window, {
      __watched: (): Watched => ({
        removed,
        shift,
        lcp: lcp.map((element) => ({
          connected: element.isConnected,
          tag: element.tagName,
        })),
      }),
    })
  })
}

/** Resolves once the app has hydrated and switched to the reader's language. */
async function appStarted(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  // Share is disabled in the prerendered page, until the app runs.
  await expect(
    page.getByRole('button', { name: 'Share' }).first(),
  ).toBeEnabled()
}

/** The titles of the cards in the served HTML. */
function cardTitles(html: string): string[] {
  return [...html.matchAll(/<h2[^>]*><a[^>]*>([^<]*)<\/a><\/h2>/g)].map(
    (match) => match[1],
  )
}

for (const server of hostingServers) {
  test.describe(`on ${server.name}`, () => {
    // What the host serves is under test: a worker installed by an earlier
    // visit would answer reloads from its precached shell instead.
    test.use({ baseURL: server.baseURL, serviceWorkers: 'block' })

    test('a thumbnail refused before hydration leaves the placeholder, not a broken image', async ({
      page,
      context,
      request,
    }) => {
      // Every image refused (a source that blocks hotlinking, a copy gone):
      // on a prerendered page the first screen's fail while the HTML is
      // read, before the app listens for their errors.
      await context.route('**/*', (route) =>
        route.request().resourceType() === 'image'
          ? route.abort()
          : route.fallback(),
      )
      const html = await (await request.get(server.baseURL + '/')).text()
      const withImage = [
        ...html.matchAll(
          /data-article-id="([^"]+)"><div class="thumbnail" aria-hidden="true"><(img|picture)/g,
        ),
      ].map((match) => match[1])
      expect(withImage.length).toBeGreaterThan(0)
      await page.goto('/')
      await appStarted(page)
      const first = page.locator(`[data-article-id="${withImage[0]}"]`)
      await expect(first.getByTestId('thumbnail-placeholder')).toBeVisible()
      // No card shows the browser's broken-image sign.
      await expect
        .poll(() =>
          page
            .locator('ol.article-list .thumbnail img')
            .evaluateAll(
              (imgs) =>
                imgs.filter(
                  (img) =>
                    (img as HTMLImageElement).complete &&
                    (img as HTMLImageElement).naturalWidth === 0,
                ).length,
            ),
        )
        .toBe(0)
    })

    for (const [name, href] of lists) {
      // On a phone, where a label or a date a little longer wraps a line.
      test(`${name}: the prerendered first screen is hydrated, nothing redrawn or moved (phone)`, async ({
        page,
      }) => {
        await page.setViewportSize({ width: 412, height: 823 })
        await watchTakeover(page)
        const errors: string[] = []
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text())
        })
        page.on('pageerror', (error) => errors.push(error.message))
        const response = await page.goto(href)
        expect(response?.status()).toBe(200)
        const html = (await response?.text()) ?? ''
        expect(html).toContain(
          `<meta name="${PRERENDERED_META}" content="${href}">`,
        )
        const served = cardTitles(html)
        expect(served.length).toBeGreaterThan(0)
        await appStarted(page)
        const titles = page.locator('ol.article-list h2')
        await expect(titles).toHaveCount(served.length)
        // Every card has made its switch after hydration (its own turn):
        // its labels in the reader's language, its read state shown.
        await expect(
          page.locator('ol.article-list .share-button[aria-label^="Share"]'),
        ).toHaveCount(served.length)
        await expect(
          page.locator('ol.article-list article.card:not([data-read])'),
        ).toHaveCount(0)
        await page.evaluate(
          () =>
            new Promise((resolve) =>
              requestAnimationFrame(() => requestAnimationFrame(resolve)),
            ),
        )
        const watched = await page.evaluate(() =>
          (Reflect.get(window, '__watched') as () => Watched)(),
        )
        expect(errors).toEqual([])
        expect(watched.removed).toEqual([])
        expect(watched.shift).toBeLessThanOrEqual(0.01)
        expect(watched.lcp.length).toBeGreaterThan(0)
        expect(watched.lcp.every((entry) => entry.connected)).toBe(true)
      })
    }

    test('a prerendered page asks for its code and data once it has painted', async ({
      page,
    }) => {
      // The page's first frame, as seen from its first script.
      await page.addInitScript(() => {
        requestAnimationFrame(() =>
          Reflect.set(window, '__firstFrame', performance.now()),
        )
      })
      for (const href of ['/', paths.article.getHref(article.id)]) {
        const response = await page.goto(href)
        const html = (await response?.text()) ?? ''
        // Its code's and data's hints are written inert.
        expect(html, href).not.toMatch(/<link rel="(?:modulepreload|preload)"/)
        const held = [
          ...html.matchAll(
            /<link data-after-paint="(?:modulepreload|preload)"[^>]* href="([^"]+)"/g,
          ),
        ].map((match) => new URL(match[1], page.url()).href)
        expect(held.length, href).toBeGreaterThan(3)
        await appStarted(page)
        const seen = await page.evaluate(
          ({ urls, mark }) => {
            const started = new Map(
              performance
                .getEntriesByType('resource')
                .map((entry) => [entry.name, entry.startTime]),
            )
            return {
              firstFrame: Reflect.get(window, '__firstFrame') as number,
              released: performance.getEntriesByName(mark)[0]?.startTime,
              // The route's own code and data: nothing else asks for them.
              own: urls
                .filter((url) => /\/(article-(list|detail)-|data\/)/.test(url))
                .map((url) => [url, started.get(url) ?? NaN] as const),
              requested: urls.filter((url) => started.has(url)).length,
              waiting: document.querySelectorAll('link[data-after-paint]')
                .length,
            }
          },
          { urls: held, mark: HINTS_RELEASED_MARK },
        )
        // Turned on after the first frame, and only then asked for.
        expect(seen.released, href).toBeGreaterThan(seen.firstFrame)
        expect(seen.own.length, href).toBeGreaterThanOrEqual(2)
        for (const [url, start] of seen.own) {
          expect(start, url).toBeGreaterThanOrEqual(seen.released)
        }
        expect(seen.requested, href).toBe(held.length)
        expect(seen.waiting, href).toBe(0)
      }
    })

    test('a list restored deeper than its first page is rendered afresh, complete', async ({
      page,
    }) => {
      await page.goto('/')
      await appStarted(page)
      // The demo corpus has two pages of all articles. The list's end
      // loads the next one when it comes into view (a click on its button
      // raced that load, and the button was gone before the click landed).
      await page.locator('.list-end').scrollIntoViewIfNeeded()
      const cards = page.locator('ol.article-list > li')
      await expect(cards).toHaveCount(manifest.all.count)
      await watchTakeover(page)
      await page.reload()
      await appStarted(page)
      await expect(cards).toHaveCount(manifest.all.count)
      // The prerendered first page was replaced (what the test above sees).
      const watched = await page.evaluate(() =>
        (Reflect.get(window, '__watched') as () => Watched)(),
      )
      expect(watched.removed).toContain('DIV > HEADER')
    })

    test('other reader paths get the data-free shell', async ({
      request,
      page,
    }) => {
      const shell = await (await request.get(SHELL_PATH)).text()
      expect(shell).toContain('<div id="root"></div>')
      expect(shell).not.toContain(PRERENDERED_META)
      const slash = paths.category.getHref([`${top.name}/x`])
      for (const href of [
        '/search',
        '/search?q=rust',
        '/no/such/page',
        slash,
      ]) {
        const response = await request.get(href, {
          headers: { accept: 'text/html' },
        })
        expect(await response.text(), href).toBe(shell)
        if (server.name === 'nginx') {
          expect(response.status(), href).toBe(
            href.startsWith('/no/') ? 404 : 200,
          )
        }
      }
      await page.goto('/no/such/page')
      await expect(
        page.getByRole('heading', { name: 'Not found' }),
      ).toBeVisible()
    })
  })
}
