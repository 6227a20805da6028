import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { e2eDirs } from '../../../scripts/e2e/corpora'
import type { Article } from '../../../src/lib/article-schema'
import {
  pickCategories,
  postsUnder,
  readCorpus,
  type CorpusPost,
  type E2eCorpus,
} from '../support/corpus'
import { expect, test } from '../support/fixtures'
import { appStarted } from '../support/app-started'

type Indexed = { post: CorpusPost; article: Article; text: string }

/** Each post with its article file, and a rough plain text of title and body. */
function readArticles(name: E2eCorpus): Indexed[] {
  const dirs = e2eDirs(name)
  return readCorpus(name).map((post) => {
    const file = path.join(dirs.data, 'articles', `${post.id}.json`)
    const article = JSON.parse(readFileSync(file, 'utf8')) as Article
    const body = article.content_html.replace(/<[^>]*>/g, ' ')
    return { post, article, text: `${article.title} ${body}` }
  })
}

const HAN = /[\u4e00-\u9fff]+/g

/**
 * A run of `length` Chinese characters from one post's title that as few
 * other posts as possible contain, with that post: what a reader who half
 * remembers a headline types.
 */
function chineseWordFrom(all: Indexed[], length: number) {
  let best: { word: string; target: Indexed; count: number } | undefined
  for (const target of all) {
    for (const run of target.article.title.match(HAN) ?? []) {
      for (let i = 0; i + length <= run.length; i++) {
        const word = run.slice(i, i + length)
        const count = all.filter((a) => a.text.includes(word)).length
        if (!best || count < best.count) best = { word, target, count }
      }
    }
  }
  if (!best) throw new Error('no post has a Chinese title to search for')
  return best
}

function results(page: Page) {
  return page.getByRole('main').getByRole('article')
}

function resultLink(page: Page, id: string) {
  return page
    .getByRole('main')
    .getByRole('heading', { level: 2 })
    .locator(`a[href="/a/${id}"]`)
}

/** The ids of the results on the page (title links). */
async function resultIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByRole('main')
    .getByRole('heading', { level: 2 })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  return hrefs.map((href) => href.replace(/^\/a\//, ''))
}

/**
 * Search over a corpus, in the production build (Chromium in English, so
 * the interface speaks English): typing a Chinese word
 * from a post finds and opens it; a cold link shows the same; a category
 * limits; nothing found says so; a failed shard can be retried; all of it
 * works from the keyboard alone.
 */
export function searchJourney(name: E2eCorpus) {
  const all = readArticles(name)
  const { word, target } = chineseWordFrom(all, 4)

  test(`typing “${word}” finds its post, and the result opens the article`, async ({
    page,
  }) => {
    await page.goto('/')
    const field = page.getByRole('searchbox', { name: 'Search' })
    await field.fill(word)
    await expect(page).toHaveURL(`/search?q=${encodeURIComponent(word)}`)
    await expect(field).toBeFocused()
    const link = resultLink(page, target.post.id)
    await expect(link.locator('mark').first()).toBeVisible()
    // The results' list toolbar has a live region of its own (for Undo).
    await expect(
      page.getByRole('status').filter({ hasText: /result/ }),
    ).toHaveText(/^\d+ results?$/)
    await link.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      target.article.title,
    )
  })

  test('a cold /search?q= link in a fresh browser shows the same results', async ({
    page,
    browser,
  }) => {
    const url = `/search?q=${encodeURIComponent(word)}`
    await page.goto(url)
    await expect(resultLink(page, target.post.id)).toBeVisible()
    const first = await resultIds(page)
    const fresh = await browser.newContext({
      baseURL: new URL(page.url()).origin,
    })
    try {
      const other = await fresh.newPage()
      await other.goto(url)
      await expect(resultLink(other, target.post.id)).toBeVisible()
      expect(await resultIds(other)).toEqual(first)
      await expect(other.locator('meta[name="robots"]')).toHaveAttribute(
        'content',
        'noindex',
      )
    } finally {
      await fresh.close()
    }
  })

  test('search in this category, from its page, finds only its articles', async ({
    page,
  }) => {
    const category = pickCategories(readCorpus(name)).second
    const inside = new Set(
      postsUnder(readCorpus(name), category).map((p) => p.id),
    )
    // A character in posts inside the category and outside it.
    const chars = [
      ...new Set(
        all.flatMap((a) => a.article.title.match(/[\u4e00-\u9fff]/g) ?? []),
      ),
    ]
    const shared = chars.find(
      (ch) =>
        all.some((a) => inside.has(a.post.id) && a.text.includes(ch)) &&
        all.some((a) => !inside.has(a.post.id) && a.text.includes(ch)),
    )
    expect(
      shared,
      'a character both inside and outside the category',
    ).toBeDefined()
    const c = category
      .map((n) => n.replace(/%/g, '%25').replace(/\//g, '%2F'))
      .join('/')
    // From the category's own page: it offers the search, the field takes the word.
    await page.goto(`/c/${category.map(encodeURIComponent).join('/')}`)
    await page.getByRole('link', { name: 'Search in this category' }).click()
    const field = page.getByRole('searchbox', { name: 'Search' })
    await expect(field).toBeFocused()
    await field.pressSequentially(shared!)
    await expect
      .poll(() => {
        const url = new URL(page.url())
        return [url.searchParams.get('q'), url.searchParams.get('c')]
      })
      .toEqual([shared, c])
    await expect(page.getByText(`in ${category.join(' › ')}`)).toBeVisible()
    await expect(results(page).first()).toBeVisible()
    const ids = await resultIds(page)
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids)
      expect(inside.has(id), `${id} is in ${category.join('/')}`).toBe(true)
  })

  test('a word no post has: no results, with a hint', async ({ page }) => {
    await page.goto('/search?q=zzqxjvkw')
    await expect(page.getByText('Nothing found for “zzqxjvkw”.')).toBeVisible()
    await expect(page.getByRole('status')).toHaveText('No results')
    await expect(results(page)).toHaveCount(0)
  })

  test('a shard request that fails shows an error, and Retry works', async ({
    page,
  }) => {
    let failing = true
    await page.route('**/data/search/s/**', (route) =>
      failing ? route.abort() : route.continue(),
    )
    await page.goto(`/search?q=${encodeURIComponent(word)}`)
    const alert = page.getByRole('alert')
    await expect(alert).toContainText(
      'The search could not load part of its index.',
    )
    failing = false
    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect(resultLink(page, target.post.id)).toBeVisible()
  })

  test('keyboard only: / to the field, type, Tab to the result, Enter opens it', async ({
    page,
  }) => {
    await page.goto('/')
    await expect(page.getByRole('searchbox')).toBeVisible()
    await appStarted(page)
    await page.keyboard.press('/')
    await expect(page.getByRole('searchbox')).toBeFocused()
    await page.keyboard.type(word)
    const link = resultLink(page, target.post.id)
    await expect(link).toBeVisible()
    const isTarget = () =>
      page.evaluate(
        (id) => document.activeElement?.getAttribute('href') === `/a/${id}`,
        target.post.id,
      )
    for (let i = 0; i < 60 && !(await isTarget()); i++)
      await page.keyboard.press('Tab')
    expect(await isTarget()).toBe(true)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      target.article.title,
    )
  })
}
