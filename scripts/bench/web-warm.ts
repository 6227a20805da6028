/**
 * Warm in-app navigation, in Chromium without throttling: with the app
 * loaded and an article opened once (its code in), click a card's title →
 * the article's heading painted, then Back → the list painted, `times`
 * times over different cards. Returns the times, ms.
 */
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../chromium.ts'

export async function measureWarm(
  listUrl: string,
  times: number,
): Promise<{ toArticle: number[]; backToList: number[] }> {
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const page = await browser.newPage()
    await page.goto(listUrl)
    // The app has hydrated the prerendered list (a click before that is a
    // page load, not the in-app navigation measured here).
    await page
      .locator('html[data-app="started"]')
      .waitFor({ state: 'attached' })
    // tsx names the functions below with a helper the page does not have.
    await page.evaluate('globalThis.__name = (f) => f')
    const first = page.locator('.article-list h2 a').first()
    await first.click()
    // The article's own heading: the list has a level-1 heading too, and
    // going back before the article is in went back past the list.
    await page.locator('.article-header h1').waitFor()
    await page.goBack()
    await first.waitFor()
    return await page.evaluate(async (times) => {
      const frame = () =>
        new Promise((resolve) => requestAnimationFrame(resolve))
      const painted = async (done: () => boolean) => {
        while (!done()) await new Promise((resolve) => setTimeout(resolve, 0))
        await frame()
        await frame()
      }
      const out = { toArticle: [] as number[], backToList: [] as number[] }
      for (let i = 1; i <= times; i++) {
        const links = [
          ...document.querySelectorAll<HTMLAnchorElement>('.article-list h2 a'),
        ].filter((a) => a.textContent)
        const link = links[i % links.length]
        const title = link.textContent
        let start = performance.now()
        link.click()
        await painted(
          () => document.querySelector('main h1')?.textContent === title,
        )
        out.toArticle.push(performance.now() - start)
        start = performance.now()
        history.back()
        await painted(
          () =>
            document.querySelector('h1.list-title') !== null &&
            document.querySelector('.article-list h2 a') !== null,
        )
        out.backToList.push(performance.now() - start)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      return out
    }, times)
  } finally {
    await browser.close()
  }
}
