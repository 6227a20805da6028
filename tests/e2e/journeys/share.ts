import type { Page } from '@playwright/test'
import type { E2eCorpus } from '../support/corpus'
import { expect, test } from '../support/fixtures'
import {
  hostingServers,
  pickPreviewCases,
  readBuiltArticles,
} from '../support/servers'

/** Forces the clipboard path: Chromium on Linux may or may not have Web Share. */
async function withoutWebShare(page: Page) {
  await page.addInitScript(() => {
    Reflect.deleteProperty(Navigator.prototype, 'share')
  })
}

/**
 * Sharing over a corpus's build, on both hosts: the copied link opens the
 * same article in a fresh browser; Web Share; no clipboard; no JavaScript;
 * the app taking over the prerendered page.
 */
export function shareJourney(corpus: E2eCorpus) {
  const articles = readBuiltArticles(corpus)
  const [withImage, withoutImage] = pickPreviewCases(articles)

  for (const server of hostingServers) {
    test.describe(`on ${server.name}`, () => {
      test.use({ baseURL: server.baseURL })

      test('a shared link, opened in a fresh browser, shows the same article', async ({
        page,
        context,
        browser,
      }) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
          origin: server.baseURL,
        })
        await withoutWebShare(page)
        await page.goto('/')
        const link = page
          .getByRole('main')
          .getByRole('article')
          .first()
          .getByRole('heading', { level: 2 })
          .getByRole('link')
        const title = (await link.textContent()) ?? ''
        await link.click()
        await expect(page).toHaveURL(/\/a\/[A-Za-z0-9_-]+$/)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

        await page.getByRole('button', { name: 'Share', exact: true }).click()
        await expect(page.getByRole('status')).toHaveText('Link copied')
        const copied = await page.evaluate(() => navigator.clipboard.readText())
        expect(copied).toBe(page.url())
        expect(copied).toMatch(new RegExp(`^${server.baseURL}/a/[\\w-]+$`))

        const fresh = await browser.newContext()
        const other = await fresh.newPage()
        const response = await other.goto(copied)
        expect(response?.status()).toBe(200)
        await expect(other.getByRole('heading', { level: 1 })).toHaveText(title)
        await expect(other.locator('.article-body')).not.toBeEmpty()
        await fresh.close()
      })

      test("a card's share button copies that article's link", async ({
        page,
        context,
      }) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
          origin: server.baseURL,
        })
        await withoutWebShare(page)
        await page.goto('/')
        const card = page.getByRole('main').getByRole('article').nth(1)
        const link = card.getByRole('heading', { level: 2 }).getByRole('link')
        const title = (await link.textContent()) ?? ''
        const href = (await link.getAttribute('href')) ?? ''
        await card.getByRole('button', { name: `Share: ${title}` }).click()
        await expect(card.getByRole('status')).toHaveText('Link copied')
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
          `${server.baseURL}${href}`,
        )
        await expect(page).toHaveURL('/')
      })

      test('the Web Share API gets the title and the canonical link', async ({
        page,
      }) => {
        await page.addInitScript(() => {
          const shared: unknown[] = []
          Object.assign(window, { __shared: shared })
          Object.defineProperty(Navigator.prototype, 'share', {
            configurable: true,
            value: async (data: unknown) => void shared.push(data),
          })
        })
        await page.goto(`/a/${withImage.id}`)
        await page.getByRole('button', { name: 'Share', exact: true }).click()
        await expect
          .poll(() => page.evaluate(() => Reflect.get(window, '__shared')))
          .toEqual([
            {
              title: withImage.title,
              url: `${server.baseURL}/a/${withImage.id}`,
            },
          ])
        // Shared, not copied: the (empty, so hidden) status says nothing.
        await expect(
          page.getByRole('main').getByRole('status', { includeHidden: true }),
        ).toBeEmpty()
      })

      test('without clipboard access the link is shown selected', async ({
        page,
      }) => {
        await withoutWebShare(page)
        await page.addInitScript(() => {
          Object.defineProperty(Navigator.prototype, 'clipboard', {
            configurable: true,
            get: () => undefined,
          })
        })
        await page.goto(`/a/${withoutImage.id}`)
        await page.getByRole('button', { name: 'Share', exact: true }).click()
        const field = page.getByRole('textbox', { name: 'Link to share' })
        await expect(field).toHaveValue(
          `${server.baseURL}/a/${withoutImage.id}`,
        )
        await expect(field).toBeFocused()
        expect(
          await field.evaluate(
            (input: HTMLInputElement) =>
              input.selectionEnd! - input.selectionStart!,
          ),
        ).toBe(`${server.baseURL}/a/${withoutImage.id}`.length)
      })

      test('readers without JavaScript see the headline and summary', async ({
        browser,
      }) => {
        const context = await browser.newContext({ javaScriptEnabled: false })
        const page = await context.newPage()
        await page.goto(`/a/${withoutImage.id}`)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          withoutImage.title,
        )
        await expect(page.locator('.article-body')).toHaveText(
          withoutImage.summary,
        )
        await expect(page).toHaveTitle(`${withoutImage.title} · Zixun 资讯`)
        await context.close()
      })
    })
  }
}
