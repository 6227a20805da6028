/**
 * Prerendered article pages are the app's own first render: the browser
 * hydrates them (nothing is redrawn), and their header is what the app
 * shows for the same URL. Articles are read from the build's data.
 */
import type { Page } from '@playwright/test'
import { DomUtils, parseDocument } from 'htmlparser2'
import { expect, test } from './support/fixtures'
import {
  hostingServers,
  pickPreviewCases,
  readBuiltArticles,
} from './support/servers'

// On the generated demo corpus (scripts/e2e/corpora.ts).
const articles = readBuiltArticles('demo')
const cases = pickPreviewCases(articles)
const [withImage] = cases

/** The parts of an article page above its body, by CSS selector. */
const HEADER_PARTS = [
  'header.site-header',
  'nav.category-nav',
  'nav.breadcrumb',
  'header.article-header',
]

type DomNode = ReturnType<typeof parseDocument>['children'][number]

/**
 * One part's markup, compared as the DOM holds it: parsed and written
 * back by the same parser, without the comments React writes between
 * adjacent texts, dates as their `datetime` (their text and hover title
 * become the reader's once the app runs), and the parts marked
 * `data-reader` emptied (they show the reader's state once it is known).
 */
function normalise(html: string): string {
  const document = parseDocument(html)
  const strip = (nodes: DomNode[]) => {
    for (const node of [...nodes]) {
      if (node.type === 'comment') DomUtils.removeElement(node)
      else if ('children' in node) strip(node.children as DomNode[])
    }
  }
  strip(document.children)
  // The parts that show the reader's state (counts, the article's toolbar)
  // are the same elements, with what the page could not know filled in.
  for (const part of DomUtils.findAll(
    (el) => el.attribs['data-reader'] !== undefined,
    document.children,
  )) {
    part.attribs = { 'data-reader': '' }
    part.children = []
  }
  for (const time of DomUtils.getElementsByTagName('time', document)) {
    time.attribs = { datetime: time.attribs.datetime }
    time.children = []
    DomUtils.appendChild(time, parseDocument(time.attribs.datetime).children[0])
  }
  return DomUtils.getOuterHTML(document, { encodeEntities: 'utf8' })
}

/** The header parts of a prerendered page, as the server wrote them. */
function prerenderedParts(html: string): string[] {
  const document = parseDocument(html)
  return HEADER_PARTS.map((selector) => {
    const [tag, className] = selector.split('.')
    const found = DomUtils.findOne(
      (el) =>
        el.name === tag &&
        (el.attribs.class ?? '').split(' ').includes(className),
      document.children,
    )
    return found ? normalise(DomUtils.getOuterHTML(found)) : `(no ${selector})`
  })
}

/** The same parts in the running app. */
async function liveParts(page: Page): Promise<string[]> {
  const html = await page.evaluate(
    (selectors) =>
      selectors.map(
        (selector) =>
          document.querySelector(selector)?.outerHTML ?? `(no ${selector})`,
      ),
    HEADER_PARTS,
  )
  return html.map((part) => (part.startsWith('(no ') ? part : normalise(part)))
}

/** Resolves once the app has hydrated and switched to the reader's language. */
async function appStarted(page: Page, lang: 'en' | 'zh-CN') {
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
  // Share is disabled in the prerendered page, until the app runs.
  const share = lang === 'en' ? 'Share' : '分享'
  await expect(
    page.getByRole('button', { name: share, exact: true }),
  ).toBeEnabled()
}

for (const server of hostingServers) {
  test.describe(`on ${server.name}`, () => {
    test.use({ baseURL: server.baseURL })

    test('the app hydrates the prerendered page: nothing above the body is redrawn', async ({
      page,
    }) => {
      await page.addInitScript(() => {
        const seen = { spinner: false, removed: [] as string[] }
        Object.assign(window, { __takeover: seen, __shift: 0 })
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const shift = entry as PerformanceEntry & {
              value: number
              hadRecentInput: boolean
            }
            if (!shift.hadRecentInput) {
              Reflect.set(
                window,
                '__shift',
                Reflect.get(window, '__shift') + shift.value,
              )
            }
          }
        }).observe({ type: 'layout-shift', buffered: true })
        new MutationObserver((records) => {
          if (document.querySelector('.spinner')) seen.spinner = true
          for (const record of records) {
            for (const node of record.removedNodes) {
              if (node instanceof Element) {
                const parent = record.target as Element
                seen.removed.push(`${parent.className} > ${node.tagName}`)
              }
            }
          }
        }).observe(document, { childList: true, subtree: true })
      })
      const documents: string[] = []
      const errors: string[] = []
      page.on('request', (request) => {
        if (request.resourceType() === 'document') documents.push(request.url())
      })
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      const response = await page.goto(`/a/${withImage.id}`)
      const prerendered = prerenderedParts((await response?.text()) ?? '')
      await appStarted(page, 'en')
      // The app speaks the reader's language now; the page was the site's.
      await expect(
        page.getByRole('navigation', { name: 'Categories' }),
      ).toBeVisible()
      expect(prerendered[1]).toContain('aria-label="分类"')
      await expect(page.locator('.article-body')).not.toHaveText(
        withImage.summary,
      )
      // The prerendered page was the shell: no second HTML request.
      expect(documents).toEqual([`${server.baseURL}/a/${withImage.id}`])
      expect(errors).toEqual([])
      await expect(page.locator('h1')).toHaveCount(1)
      // Hydration removes only the summary the body replaces.
      const seen = await page.evaluate(() => Reflect.get(window, '__takeover'))
      expect(seen).toEqual({ spinner: false, removed: ['article-body > P'] })
      // The body coming in, and the language switching, move nothing seen
      // (shifts of the frames drawn so far are reported by the next one).
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() =>
                setTimeout(() => resolve(Reflect.get(window, '__shift'))),
              ),
            ),
          ),
      )
      expect(shift).toBeLessThanOrEqual(0.01)
    })
  })
}

test.describe('for a reader of the site’s language', () => {
  test.use({ locale: 'zh-CN' })

  test('the prerendered header is the one the app shows for the same URL', async ({
    page,
    request,
  }) => {
    for (const article of cases) {
      const url = `/a/${article.id}`
      const prerendered = prerenderedParts(
        await (await request.get(url)).text(),
      )
      expect(prerendered.join()).not.toContain('(no ')
      await page.goto(url)
      await appStarted(page, 'zh-CN')
      expect(await liveParts(page), url).toEqual(prerendered)
    }
  })
})
