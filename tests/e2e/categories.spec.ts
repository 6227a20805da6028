import { readSharedCorpus } from './support/shared-corpus'
import {
  expect,
  listedArticleHrefs,
  loadWholeList,
  test,
} from './support/fixtures'

const corpus = readSharedCorpus()
const href = (categoryPath: string[]) =>
  `/c/${categoryPath.map(encodeURIComponent).join('/')}`
const under = (categoryPath: string[]) =>
  corpus.filter((post) =>
    categoryPath.every((name, i) => post.categories[i] === name),
  )

/** Every category path of the corpus (each prefix of each post's path). */
function corpusCategories(): Map<string, string[]> {
  const all = new Map<string, string[]>()
  for (const post of corpus) {
    for (let level = 1; level <= post.categories.length; level++) {
      const categoryPath = post.categories.slice(0, level)
      all.set(href(categoryPath), categoryPath)
    }
  }
  return all
}

test('the category tree counts what the front matter says, a node counting its descendants', async ({
  page,
}) => {
  await page.goto('/')
  const nav = page.getByRole('navigation', { name: 'Categories' })
  await expect(nav.getByRole('link', { name: /^All \d+$/ })).toHaveText(
    `All ${corpus.length}`,
  )
  // Closed branches stay in the DOM (hidden), so every node can be read.
  const shown = await nav.locator('a[href^="/c/"]').evaluateAll((links) =>
    links.map((a) => ({
      href: a.getAttribute('href') ?? '',
      name: a.firstChild?.textContent?.trim() ?? '',
      count: Number(a.querySelector('.count')?.textContent),
    })),
  )
  const expected = corpusCategories()
  expect(new Set(shown.map((node) => node.href))).toEqual(
    new Set(expected.keys()),
  )
  for (const node of shown) {
    const categoryPath = expected.get(node.href)!
    expect(node.name, node.href).toBe(categoryPath.at(-1))
    expect(node.count, node.href).toBe(under(categoryPath).length)
  }
})

test('a nested category loaded cold in a fresh browser lists exactly its posts', async ({
  browser,
}) => {
  for (const categoryPath of [
    ['编程', '开源中国', '资讯'],
    ['新媒体', 'IT 之家'],
  ]) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(href(categoryPath))
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      categoryPath.at(-1)!,
    )
    await loadWholeList(page)
    const hrefs = await listedArticleHrefs(page)
    expect(hrefs.sort()).toEqual(
      under(categoryPath)
        .map((post) => `/a/${post.id}`)
        .sort(),
    )
    await context.close()
  }
})

test('breadcrumb links go up the tree, on category views and on articles', async ({
  page,
}) => {
  const categoryPath = ['编程', '开源中国', '资讯']
  await page.goto(href(categoryPath))
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
  await expect(crumbs.getByRole('link')).toHaveText(['All', ...categoryPath])
  await crumbs.getByRole('link', { name: '开源中国' }).click()
  await expect(page).toHaveURL(href(categoryPath.slice(0, 2)))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    '开源中国',
  )
  await crumbs.getByRole('link', { name: '编程' }).click()
  await expect(page).toHaveURL(href(['编程']))
  await crumbs.getByRole('link', { name: 'All' }).click()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('All')

  const post = under(categoryPath)[0]
  await page.goto(`/a/${post.id}`)
  await expect(crumbs.getByRole('link')).toHaveText(['All', ...categoryPath])
  await crumbs.getByRole('link', { name: '开源中国' }).click()
  await expect(page).toHaveURL(href(categoryPath.slice(0, 2)))
})

test('Back from an article, and a reload, return to the same scroll position', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/')
  await expect(page.locator('.article-list article').first()).toBeVisible()
  // Scroll well into the list: the second page loads on the way.
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 600)
  await expect(page.locator('.article-list > li')).toHaveCount(corpus.length)
  await page.waitForTimeout(300)
  const before = await page.evaluate(() => window.scrollY)
  expect(before).toBeGreaterThan(2000)
  // A title inside the viewport, below the sticky header: clicking it must
  // not make Playwright scroll first.
  const target = await page.evaluate(() => {
    const inView = [...document.querySelectorAll('.article-list h2 a')].find(
      (a) => {
        const { top, bottom } = a.getBoundingClientRect()
        return top > 100 && bottom < window.innerHeight
      },
    )
    return inView?.getAttribute('href')
  })
  expect(target).toBeTruthy()
  await page.locator(`.article-list a[href="${target}"]`).click()
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
  await expect(page.locator('.article-list > li')).toHaveCount(corpus.length)
  await expect
    .poll(() => page.evaluate(() => window.scrollY))
    .toBeGreaterThan(before - 4)
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 4)
})

test('previous and next walk the list the article was opened from', async ({
  page,
}) => {
  const categoryPath = ['编程']
  await page.goto(href(categoryPath))
  await loadWholeList(page)
  const hrefs = await listedArticleHrefs(page)
  expect(hrefs).toHaveLength(under(categoryPath).length)
  await page.locator(`.article-list a[href="${hrefs[0]}"]`).click()
  const neighbours = page.getByRole('navigation', { name: 'More in this list' })
  await expect(neighbours.getByRole('link', { name: /Previous/ })).toHaveCount(
    0,
  )
  for (const next of hrefs.slice(1)) {
    await neighbours.getByRole('link', { name: /Next/ }).click()
    await expect(page).toHaveURL(next)
  }
  await expect(neighbours.getByRole('link', { name: /Previous/ })).toBeVisible()
  await expect(neighbours.getByRole('link', { name: /Next/ })).toHaveCount(0)
  for (const previous of hrefs.slice(0, -1).reverse().slice(0, 3)) {
    await neighbours.getByRole('link', { name: /Previous/ }).click()
    await expect(page).toHaveURL(previous)
  }
})

test('on a phone, one Categories button opens the whole tree', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 800 })
  await page.goto('/')
  const nav = page.getByRole('navigation', { name: 'Categories' })
  const toggle = nav.getByRole('button', { name: /^Categories/ })
  await expect(toggle).toBeVisible()
  await expect(nav.getByRole('link', { name: /^All / })).toBeHidden()
  await toggle.click()
  await nav.getByRole('button', { name: 'Show categories in 新媒体' }).click()
  await nav.getByRole('link', { name: /^IT 之家 \d+$/ }).click()
  await expect(page).toHaveURL(href(['新媒体', 'IT 之家']))
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(toggle).toContainText('IT 之家')
})

test('an unknown category shows the 404 view with a way back', async ({
  page,
}) => {
  await page.goto(href(['编程', 'no such category']))
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Back to all articles' }).click()
  await expect(page).toHaveURL('/')
  await expect(page.locator('.article-list article').first()).toBeVisible()
})
