import {
  categoryHref,
  corpusCategories,
  pickCategories,
  postsUnder,
  readCorpus,
  type E2eCorpus,
} from '../support/corpus'
import { appStarted } from '../support/app-started'
import { expect, test } from '../support/fixtures'
import {
  articleLink,
  listedArticleHrefs,
  loadWholeList,
  waitForScrollToSettle,
} from '../support/page-helpers'

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The category tree over a corpus: counts, cold nested categories,
 * breadcrumbs, Back and reload, previous/next, the phone menu, 404.
 */
export function categoriesJourney(name: E2eCorpus) {
  const corpus = readCorpus(name)
  const { top, third, spaced } = pickCategories(corpus)

  test('the category tree counts what the posts say, a node counting its descendants', async ({
    page,
  }) => {
    await page.goto('/')
    const nav = page.getByRole('navigation', { name: 'Categories' })
    // In a fresh browser nothing is read: the unread count is the count.
    await expect(
      nav.getByRole('link', { name: /^All \d+ Unread$/ }),
    ).toHaveText(`All ${corpus.length} Unread`)
    // Closed branches stay in the DOM (hidden), so every node can be read.
    const shown = await nav.locator('a[href^="/c/"]').evaluateAll((links) =>
      links.map((a) => ({
        href: a.getAttribute('href') ?? '',
        name: a.firstChild?.textContent?.trim() ?? '',
        count: parseInt(a.lastElementChild?.textContent ?? '', 10),
      })),
    )
    const expected = corpusCategories(corpus)
    expect(new Set(shown.map((node) => node.href))).toEqual(
      new Set(expected.keys()),
    )
    for (const node of shown) {
      const categoryPath = expected.get(node.href)!
      expect(node.name, node.href).toBe(categoryPath.at(-1))
      expect(node.count, node.href).toBe(
        postsUnder(corpus, categoryPath).length,
      )
    }
  })

  test('a nested category loaded cold in a fresh browser lists exactly its posts', async ({
    browser,
  }) => {
    for (const categoryPath of [third, spaced]) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(categoryHref(categoryPath))
      await expect(page.getByRole('heading', { level: 1 })).toContainText(
        categoryPath.at(-1)!,
      )
      await loadWholeList(page)
      const hrefs = await listedArticleHrefs(page)
      expect(hrefs.sort()).toEqual(
        postsUnder(corpus, categoryPath)
          .map((post) => `/a/${post.id}`)
          .sort(),
      )
      await context.close()
    }
  })

  test('breadcrumb links go up the tree, on category views and on articles', async ({
    page,
  }) => {
    const [first, second] = third
    await page.goto(categoryHref(third))
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
    await expect(crumbs.getByRole('link')).toHaveText(['All', ...third])
    await crumbs.getByRole('link', { name: second, exact: true }).click()
    await expect(page).toHaveURL(categoryHref([first, second]))
    await expect(page.getByRole('heading', { level: 1 })).toContainText(second)
    await crumbs.getByRole('link', { name: first, exact: true }).click()
    await expect(page).toHaveURL(categoryHref([first]))
    await crumbs.getByRole('link', { name: 'All', exact: true }).click()
    await expect(page).toHaveURL('/')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('All')

    const post = postsUnder(corpus, third).find(
      (p) => p.categories.length === 1,
    )!
    await page.goto(`/a/${post.id}`)
    await expect(crumbs.getByRole('link')).toHaveText(['All', ...third])
    await crumbs.getByRole('link', { name: second, exact: true }).click()
    await expect(page).toHaveURL(categoryHref([first, second]))
  })

  test('Back from an article, and a reload, return to the same scroll position', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto('/')
    const cards = page.getByRole('main').getByRole('article')
    await expect(cards.first()).toBeVisible()
    await appStarted(page)
    // Scroll well into the list: the second page loads on the way.
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 600)
    await expect(cards).toHaveCount(corpus.length)
    await waitForScrollToSettle(page)
    const before = await page.evaluate(() => window.scrollY)
    expect(before).toBeGreaterThan(2000)
    // A title inside the viewport, below the sticky header: clicking it must
    // not make Playwright scroll first.
    const target = await page.evaluate(() => {
      const inView = [...document.querySelectorAll('main h2 a')].find((a) => {
        const { top, bottom } = a.getBoundingClientRect()
        return top > 100 && bottom < window.innerHeight
      })
      return inView?.getAttribute('href')
    })
    expect(target).toBeTruthy()
    await articleLink(page, target!.slice('/a/'.length)).click()
    await expect(page).toHaveURL(target!)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    // The article opens at its top (scroll restoration runs after the render).
    await expect
      .poll(() => page.evaluate(() => window.scrollY))
      .toBeLessThan(before)
    await page.goBack()
    await expect(page).toHaveURL('/')
    await expect
      .poll(() => page.evaluate(() => window.scrollY))
      .toBeGreaterThan(before - 4)
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 4)
    await page.reload()
    await expect(cards).toHaveCount(corpus.length)
    await expect
      .poll(() => page.evaluate(() => window.scrollY))
      .toBeGreaterThan(before - 4)
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 4)
  })

  test('previous and next walk the list the article was opened from', async ({
    page,
  }) => {
    await page.goto(categoryHref(top))
    await loadWholeList(page)
    const hrefs = await listedArticleHrefs(page)
    expect(hrefs).toHaveLength(postsUnder(corpus, top).length)
    await articleLink(page, hrefs[0].slice('/a/'.length)).click()
    const neighbours = page.getByRole('navigation', {
      name: 'More in this list',
    })
    await expect(
      neighbours.getByRole('link', { name: /Previous/ }),
    ).toHaveCount(0)
    for (const next of hrefs.slice(1)) {
      await neighbours.getByRole('link', { name: /Next/ }).click()
      await expect(page).toHaveURL(next)
    }
    await expect(
      neighbours.getByRole('link', { name: /Previous/ }),
    ).toBeVisible()
    await expect(neighbours.getByRole('link', { name: /Next/ })).toHaveCount(0)
    for (const previous of hrefs.slice(0, -1).reverse().slice(0, 3)) {
      await neighbours.getByRole('link', { name: /Previous/ }).click()
      await expect(page).toHaveURL(previous)
    }
  })

  test('on a phone, one Categories button opens the whole tree', async ({
    page,
  }) => {
    const [parent, child] = spaced
    await page.setViewportSize({ width: 390, height: 800 })
    await page.goto('/')
    const nav = page.getByRole('navigation', { name: 'Categories' })
    const toggle = nav.getByRole('button', { name: /^Categories/ })
    await expect(toggle).toBeVisible()
    await expect(nav.getByRole('link', { name: /^All / })).toBeHidden()
    await toggle.click()
    await nav
      .getByRole('button', { name: `Show categories in ${parent}` })
      .click()
    await nav
      .getByRole('link', {
        name: new RegExp(`^${escapeRegExp(child)} \\d+ Unread$`),
      })
      .click()
    await expect(page).toHaveURL(categoryHref(spaced))
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await expect(toggle).toContainText(child)
  })

  test('an unknown category shows the 404 view with a way back', async ({
    page,
  }) => {
    await page.goto(categoryHref([top[0], 'no such category']))
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
    await page.getByRole('link', { name: 'Back to all articles' }).click()
    await expect(page).toHaveURL('/')
    await expect(
      page.getByRole('main').getByRole('article').first(),
    ).toBeVisible()
  })
}
