/**
 * What the list benchmark measures in Chromium, one function per figure.
 * Each opens its own browser context, so nothing is cached between runs.
 */
import type { Browser, Page } from '@playwright/test'
import { longestTask, type LongestTask } from './lists-trace.ts'

export const VIEWPORT = { width: 1280, height: 720 }

/**
 * A fresh context. tsx compiles with esbuild's keepNames, which wraps named
 * functions in `__name(...)`; the functions passed to `page.evaluate` run
 * in the page, where that helper has to exist too.
 */
async function newContext(browser: Browser) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript('window.__name = (fn) => fn')
  return context
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await newContext(browser)
  const page = await context.newPage()
  await page.goto(url)
  await page.locator('.article-list article').first().waitFor()
  return page
}

export type Bytes = { bytes: number; requests: number }

/** Transfer bytes of `/data/` requests until the first screen is shown and the network is idle. */
export async function firstScreenBytes(
  browser: Browser,
  url: string,
): Promise<Bytes> {
  const page = await openPage(browser, url)
  await page.waitForLoadState('networkidle')
  const sizes = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.startsWith('/data/'))
      .map((entry) => (entry as PerformanceResourceTiming).transferSize),
  )
  await page.context().close()
  return { bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length }
}

export type ScrollResult = {
  rows: number
  seconds: number
  longTasks: number
  longestTask: number
  longestFrame: number
  /** The same run's longest task from a Chromium trace (wall and CPU). */
  trace: LongestTask
  /** Window scroll before opening an article and after coming Back. */
  backDelta: number
}

/**
 * Scrolls the list of all articles 600 px a frame until row `target` has
 * rendered (pages load on demand on the way), recording long tasks
 * (PerformanceObserver 'longtask', only tasks over 50 ms exist) and frame
 * gaps. Then opens the card at the top of the viewport and goes Back.
 */
export async function scrollRows(
  browser: Browser,
  url: string,
  target: number,
): Promise<ScrollResult> {
  const context = await newContext(browser)
  const page = await context.newPage()
  await page.addInitScript(() => {
    const store = window as unknown as { longTasks: number[] }
    store.longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        store.longTasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
  await page.goto(url)
  await page.locator('.article-list article').first().waitFor()
  await page.waitForLoadState('networkidle')
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  })
  const result = await page.evaluate(async (rows) => {
    const store = window as unknown as { longTasks: number[] }
    store.longTasks = []
    const maxRow = () => {
      let max = 0
      for (const li of document.querySelectorAll('.article-list > li')) {
        max = Math.max(max, Number(li.getAttribute('aria-posinset')))
      }
      return max
    }
    const start = performance.now()
    let last = start
    let longestFrame = 0
    while (maxRow() < rows && performance.now() - start < 300_000) {
      window.scrollBy(0, 600)
      await new Promise((resolve) => requestAnimationFrame(resolve))
      const now = performance.now()
      longestFrame = Math.max(longestFrame, now - last)
      last = now
    }
    return {
      rows: maxRow(),
      seconds: (performance.now() - start) / 1000,
      longTasks: store.longTasks.length,
      longestTask: Math.max(0, ...store.longTasks),
      longestFrame,
    }
  }, target)
  const trace = longestTask(await browser.stopTracing())
  const backDelta = await openAndComeBack(page)
  await context.close()
  return { ...result, trace, backDelta }
}

async function openAndComeBack(page: Page): Promise<number> {
  await page.waitForTimeout(300)
  const href = await page.evaluate(() => {
    const links = [...document.querySelectorAll('.article-list h2 a')]
    const first = links.find((a) => a.getBoundingClientRect().top > 80)
    return first?.getAttribute('href') ?? null
  })
  if (!href) return Number.NaN
  const before = await page.evaluate(() => window.scrollY)
  await page.locator(`.article-list a[href="${href}"]`).click()
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.waitForURL(`**${href}`)
  await page.goBack()
  await page.locator(`.article-list a[href="${href}"]`).waitFor()
  await page.waitForTimeout(300)
  const after = await page.evaluate(() => window.scrollY)
  return after - before
}

/**
 * Visits categories `a` and `b` once, then clicks between them in the
 * category tree `switches` times; each time is click → the new heading and
 * a card in the DOM → two animation frames (painted). Returns the times, ms.
 */
export async function switchCategories(
  browser: Browser,
  base: string,
  a: { href: string; name: string },
  b: { href: string; name: string },
  switches: number,
): Promise<number[]> {
  const page = await openPage(browser, base + a.href)
  await page.locator(`.category-nav a[href="${b.href}"]`).click()
  await page.locator('h1.list-title', { hasText: b.name }).waitFor()
  await page.waitForLoadState('networkidle')
  const times = await page.evaluate(
    async ({ a, b, switches }) => {
      const frame = () =>
        new Promise((resolve) => requestAnimationFrame(resolve))
      const shows = (name: string) => {
        const title = document.querySelector('h1.list-title')
        const text = title?.firstChild?.textContent?.trim()
        return (
          text === name && !!document.querySelector('.article-list article')
        )
      }
      const out: number[] = []
      for (let i = 0; i < switches; i++) {
        const to = i % 2 === 0 ? a : b
        const link = document.querySelector<HTMLAnchorElement>(
          `.category-nav a[href="${to.href}"]`,
        )
        if (!link) throw new Error(`no link to ${to.href}`)
        const start = performance.now()
        link.click()
        while (!shows(to.name)) await new Promise((r) => setTimeout(r, 0))
        await frame()
        await frame()
        out.push(performance.now() - start)
        await new Promise((r) => setTimeout(r, 100))
      }
      return out
    },
    { a, b, switches },
  )
  await page.context().close()
  return times
}
