import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { e2eDirs } from '../../scripts/e2e/corpora'
import type { Article, Manifest } from '../../src/lib/article-schema'
import { appStarted } from './support/app-started'
import { expect, test } from './support/fixtures'
import { waitForScrollToSettle } from './support/page-helpers'
import { openSettings } from './support/settings'

// Reading state on the production build (issue 12): read marks, "unread
// only", mark all read, saved articles, export/import, tabs, keyboard.

const data = e2eDirs('demo').data
const manifest = JSON.parse(
  readFileSync(path.join(data, 'manifest.json'), 'utf8'),
) as Manifest

/** The demo article with the longest body: for the place inside an article. */
function longestArticle(): Article {
  const dir = path.join(data, 'articles')
  let best: Article | undefined
  for (const file of readdirSync(dir)) {
    const article = JSON.parse(
      readFileSync(path.join(dir, file), 'utf8'),
    ) as Article
    if (!best || article.content_html.length > best.content_html.length) {
      best = article
    }
  }
  return best!
}

function cards(page: Page) {
  return page.getByRole('main').getByRole('article')
}

function treeLink(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'Categories' })
    .getByRole('link', { name: new RegExp(`^${name} \\d+ Unread$`) })
}

/** Saves the cards titled `titles` from their Save buttons, each once it reads as saved. */
async function saveFromCards(page: Page, titles: readonly string[]) {
  for (const title of titles) {
    const save = page.getByRole('button', { name: `Save: ${title}` })
    await save.click()
    await expect(save).toHaveAttribute('aria-pressed', 'true')
  }
}

async function expectUnreadInTree(page: Page, name: string, n: number) {
  await expect(treeLink(page, name).locator('.count')).toHaveText(
    new RegExp(`^${n}\\b`),
  )
}

test('an opened article stays read after a reload, on its card and in the counts', async ({
  page,
}) => {
  await page.goto('/')
  await appStarted(page)
  const first = cards(page).first()
  const title = await first.getByRole('heading').textContent()
  await expect(first).toHaveAttribute('data-read', 'false')
  await expectUnreadInTree(page, 'All', manifest.total)
  await first.getByRole('heading').getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!)
  await page.goBack()
  await expect(cards(page).first()).toHaveAttribute('data-read', 'true')
  await page.reload()
  await appStarted(page)
  await expect(cards(page).first()).toHaveAttribute('data-read', 'true')
  await expectUnreadInTree(page, 'All', manifest.total - 1)
})

test('"Unread only" is in the URL: it survives a reload', async ({ page }) => {
  await page.goto('/')
  await appStarted(page)
  const firstTitle = await cards(page)
    .first()
    .getByRole('heading')
    .textContent()
  await cards(page).first().getByRole('heading').getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle!)
  await page.goBack()
  await page.getByRole('switch', { name: /Unread only/ }).check()
  await expect(page).toHaveURL(/\?unread=1$/)
  await page.reload()
  await appStarted(page)
  await expect(page.getByRole('switch', { name: /Unread only/ })).toBeChecked()
  await expect(cards(page).first()).toBeVisible()
  await expect(
    page.getByRole('heading', { level: 2, name: firstTitle! }),
  ).toHaveCount(0)
  await page.getByRole('switch', { name: /Unread only/ }).uncheck()
  await expect(page).toHaveURL(/\/$/)
  await expect(
    page.getByRole('heading', { level: 2, name: firstTitle! }),
  ).toBeVisible()
})

test('"Mark all read" in a category, then Undo; both kept after a reload', async ({
  page,
}) => {
  const node = manifest.categories[0]
  await page.goto(`/c/${encodeURIComponent(node.name)}`)
  await appStarted(page)
  await expect(cards(page).first()).toBeVisible()
  await page.getByRole('button', { name: 'Mark all read' }).click()
  await expect(
    page.getByText(`Marked ${node.count} articles read.`),
  ).toBeVisible()
  await expectUnreadInTree(page, node.name, 0)
  await expectUnreadInTree(page, 'All', manifest.total - node.count)
  await page.reload()
  await appStarted(page)
  await expect(cards(page).first()).toHaveAttribute('data-read', 'true')
  await expectUnreadInTree(page, node.name, 0)
  await expect(
    page.getByRole('button', { name: 'Mark all read' }),
  ).toBeDisabled()
  await page.getByRole('switch', { name: /Unread only/ }).check()
  await expect(page.getByText('No unread articles here.')).toBeVisible()
})

test('Undo right after "Mark all read" brings every card and count back', async ({
  page,
}) => {
  await page.goto('/')
  await appStarted(page)
  await expect(cards(page).first()).toBeVisible()
  await page.getByRole('button', { name: 'Mark all read' }).click()
  await expect(cards(page).first()).toHaveAttribute('data-read', 'true')
  await expectUnreadInTree(page, 'All', 0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('Undone.')).toBeVisible()
  await expect(cards(page).first()).toHaveAttribute('data-read', 'false')
  await page.reload()
  await appStarted(page)
  await expectUnreadInTree(page, 'All', manifest.total)
})

test('saved articles are listed on /saved after a reload, newest saved first', async ({
  page,
}) => {
  await page.goto('/')
  await appStarted(page)
  await expect(cards(page).first()).toBeVisible()
  const titles = await cards(page)
    .getByRole('heading')
    .evaluateAll((els) => els.slice(0, 3).map((el) => el.textContent ?? ''))
  await saveFromCards(page, [titles[2], titles[0]])
  await page.getByRole('link', { name: 'Saved' }).click()
  await expect(page).toHaveURL(/\/saved$/)
  await page.reload()
  await appStarted(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /Saved articles/,
  )
  await expect(cards(page).getByRole('heading')).toHaveText([
    titles[0],
    titles[2],
  ])
  await cards(page).first().getByRole('heading').getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[0])
})

test('export, clear, import: everything comes back; a bad file is refused with the reason', async ({
  page,
}, testInfo) => {
  await page.goto('/')
  await appStarted(page)
  const title = (await cards(page).nth(1).getByRole('heading').textContent())!
  await page.getByRole('button', { name: `Save: ${title}` }).click()
  const opened = (await cards(page).first().getByRole('heading').textContent())!
  await cards(page).first().getByRole('heading').getByRole('link').click()
  // Shown, so read: Saved clicked while the article still loads would
  // leave for it before it is ever shown.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(opened)
  await page.getByRole('link', { name: 'Saved' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export everything' }).click()
  const file = testInfo.outputPath('zixun-export.json')
  await (await downloading).saveAs(file)
  const exported = JSON.parse(readFileSync(file, 'utf8'))
  expect(exported.format).toBe('zixun-reading-state')
  expect(exported.saved.version).toBe('https://jsonfeed.org/version/1.1')
  expect(exported.read.articles).toHaveLength(1)

  await page.getByRole('button', { name: 'Clear all' }).click()
  await page.getByRole('button', { name: 'Yes, clear' }).click()
  await expect(page.getByText('Everything was cleared.')).toBeVisible()
  await expect(page.getByText(/Nothing saved yet/)).toBeVisible()
  await expectUnreadInTree(page, 'All', manifest.total)

  const chooser = page.getByLabel('Import a file')
  await chooser.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"format":"zixun-reading-state","version":1,"read":{"articles":[{"id":"../etc"}]}}',
    ),
  })
  await expect(page.getByRole('alert')).toHaveText(
    'Not imported: read.articles[0] is not valid.',
  )
  await chooser.setInputFiles(file)
  await expect(
    page.getByText('Imported 1 saved articles and 1 read marks.'),
  ).toBeVisible()
  await expect(cards(page).getByRole('heading')).toHaveText([title])
  await expectUnreadInTree(page, 'All', manifest.total - 1)
})

test('two tabs stay in sync', async ({ context }) => {
  const one = await context.newPage()
  const two = await context.newPage()
  await one.goto('/')
  await appStarted(one)
  await two.goto('/')
  await appStarted(two)
  const title = (await cards(one).first().getByRole('heading').textContent())!
  await one.getByRole('button', { name: `Save: ${title}` }).click()
  await expect(
    two.getByRole('button', { name: `Save: ${title}` }),
  ).toHaveAttribute('aria-pressed', 'true')
  await one.getByRole('button', { name: 'Mark all read' }).click()
  await expect(cards(two).first()).toHaveAttribute('data-read', 'true')
  await expectUnreadInTree(two, 'All', 0)
  await one.getByRole('button', { name: 'Undo' }).click()
  await expectUnreadInTree(two, 'All', manifest.total)
})

test('keyboard only: open an article, save it with s, go back, find it in /saved', async ({
  page,
}) => {
  await page.goto('/')
  await appStarted(page)
  await expect(cards(page).first()).toBeVisible()
  const title = (await cards(page).first().getByRole('heading').textContent())!
  const tabTo = async (name: string | RegExp, key = 'Tab') => {
    const target = page.getByRole('link', { name }).first()
    await expect(async () => {
      await page.keyboard.press(key)
      await expect(target).toBeFocused({ timeout: 100 })
    }).toPass({ timeout: 15_000, intervals: [0] })
  }
  await tabTo(title)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  // Opening it read it: the article's keys are in place.
  await expect(
    page.getByRole('button', { name: 'Mark as unread' }),
  ).toBeVisible()
  await page.keyboard.press('s')
  await expect(page.getByRole('button', { name: 'Save' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await tabTo(/^All \d+ Unread$/)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^All/)
  await tabTo('Saved', 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /Saved articles/,
  )
  await expect(cards(page).getByRole('heading')).toHaveText([title])
})

test('a long article opened again from a fresh link continues where the reader stopped', async ({
  page,
}) => {
  const article = longestArticle()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/a/${article.id}`)
  await appStarted(page)
  // Hydrated, body in: opening it made it read.
  await expect(
    page.getByRole('button', { name: 'Mark as unread' }),
  ).toBeVisible()
  const height = await page.evaluate(
    () => document.documentElement.scrollHeight,
  )
  expect(height, 'the longest demo article is long').toBeGreaterThan(3 * 844)
  await page.mouse.wheel(0, height / 2)
  await waitForScrollToSettle(page)
  const stopped = await page.evaluate(() => window.scrollY)
  await page.getByRole('link', { name: 'Saved' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Saved/)
  // The place is in IndexedDB before the page goes (a loaded machine may
  // still be writing it; a load would then abort the write).
  await expect
    .poll(() =>
      page.evaluate(
        (id) =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open('zixun')
            open.onerror = () => resolve(false)
            open.onsuccess = () => {
              const db = open.result
              const get = db
                .transaction('positions')
                .objectStore('positions')
                .get(id)
              get.onsuccess = () => resolve(get.result !== undefined)
              get.onerror = () => resolve(false)
              db.close()
            }
          }),
        article.id,
      ),
    )
    .toBe(true)
  await page.goto(`/a/${article.id}`)
  await appStarted(page)
  await expect(page.getByText('Back where you stopped reading.')).toBeVisible()
  await expect
    .poll(() => page.evaluate(() => window.scrollY))
    .toBeGreaterThan(stopped - 200)
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(stopped + 200)
  await page.getByRole('button', { name: 'Start from the top' }).click()
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0)
})

test('without storage (private mode), the reader works for the session and says so', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The user denied permission', 'SecurityError')
      },
    })
  })
  await page.goto('/')
  await appStarted(page)
  await expect(page.getByText(/last for this session only/)).toBeVisible()
  const title = (await cards(page).first().getByRole('heading').textContent())!
  await page.getByRole('button', { name: `Save: ${title}` }).click()
  await page.getByRole('link', { name: 'Saved' }).click()
  await expect(cards(page).getByRole('heading')).toHaveText([title])
})

test('"Mark as read when scrolled past", switched on, reads the cards scrolled by', async ({
  page,
}) => {
  await page.goto('/')
  await appStarted(page)
  const settings = await openSettings(page)
  await settings
    .getByRole('checkbox', { name: 'Mark as read when scrolled past' })
    .check()
  await page.keyboard.press('Escape')
  await expect(settings).toBeHidden()
  await expect(cards(page).first()).toHaveAttribute('data-read', 'false')
  await page.mouse.wheel(0, 1500)
  await waitForScrollToSettle(page)
  await expect(cards(page).first()).toHaveAttribute('data-read', 'true')
  const unread = Number(
    (await treeLink(page, 'All').locator('.count').textContent())?.match(
      /\d+/,
    )?.[0],
  )
  expect(unread).toBeLessThan(manifest.total - 1)
})

/** A word of `title` that search finds it by: a Chinese run or a Latin word. */
function wordOf(title: string): string {
  const match = /[\u4e00-\u9fff]{2,4}|[A-Za-z]{4,}/.exec(title)
  if (!match) throw new Error(`no searchable word in “${title}”`)
  return match[0]
}

test('saved articles can be searched: from /saved, in their own text, the scope kept while typing', async ({
  page,
}) => {
  await page.goto('/')
  await expect(cards(page).first()).toBeVisible()
  const titles = await cards(page)
    .getByRole('heading')
    .evaluateAll((els) => els.slice(0, 4).map((el) => el.textContent ?? ''))
  await saveFromCards(page, [titles[1], titles[3]])
  await page.getByRole('link', { name: 'Saved' }).click()
  await page.getByRole('link', { name: 'Search saved articles' }).click()
  await expect(page).toHaveURL(/\/search\?saved=1$/)
  const field = page.getByRole('searchbox', { name: 'Search' })
  await expect(field).toBeFocused()
  await expect(page.getByText('in saved articles')).toBeVisible()
  await field.fill(wordOf(titles[3]))
  await expect(page).toHaveURL(/[?&]saved=1/)
  const found = cards(page).getByRole('heading')
  await expect(found.first()).toBeVisible()
  // Only saved articles come back, the one the word was taken from among them.
  const shown = await found.allTextContents()
  expect(shown).toContain(titles[3])
  expect(shown.every((t) => t === titles[1] || t === titles[3])).toBe(true)
  await expect(field).toBeFocused()
  // The same search over every article is one link away.
  await page.getByRole('link', { name: 'Search all articles' }).click()
  await expect(page).not.toHaveURL(/saved=1/)
  await expect(
    cards(page).getByRole('heading', { name: titles[3] }),
  ).toBeVisible()
})
