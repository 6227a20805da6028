import type { Page } from '@playwright/test'
import type { ListPage, Manifest } from '../../src/lib/article-schema'
import { readCorpus } from './support/corpus'
import { expect, test } from './support/fixtures'
import { choose, holdAppScripts, openSettings } from './support/settings'

const [article] = readCorpus('demo')

async function firstListed(page: Page) {
  const get = async <T>(file: string) =>
    (await (await page.request.get(`/data/${file}`)).json()) as T
  const manifest = await get<Manifest>('manifest.json')
  return (await get<ListPage>(`${manifest.all.base}1.json`)).items[0]
}

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' })

  test('gets English, switches to 中文 in the menu, and keeps it in every tab', async ({
    page,
    context,
  }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^All/)
    await openSettings(page)
    await choose(page, 'Language', '中文')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^全部/)
    await expect(
      page.getByRole('dialog', { name: '设置' }).getByRole('group', {
        name: '语言',
      }),
    ).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^全部/)
    const other = await context.newPage()
    await other.goto(`/a/${article.id}`)
    await expect(other.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(other.getByRole('navigation', { name: '分类' })).toBeVisible()
  })

  test('a prerendered page switches to English without moving anything above the body', async ({
    page,
  }) => {
    for (const size of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(size)
      const release = await holdAppScripts(page)
      await page.goto(`/a/${article.id}`, { waitUntil: 'commit' })
      await expect(page.locator('.byline time')).toBeVisible()
      // The page's labels are the site's until the app switches them; the
      // boot script has named the reader's language already (decision 029).
      await expect(page.getByRole('navigation', { name: '分类' })).toBeVisible()
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
      // The style sheet has arrived (the DOM is there before it on a busy machine).
      await expect(page.getByRole('banner')).toHaveCSS('position', 'sticky')
      const before = await framePositions(page)
      release()
      await expect(
        page.getByRole('navigation', { name: 'Categories' }),
      ).toBeVisible()
      await expect(page.getByRole('button', { name: 'Share' })).toBeEnabled()
      expect(await framePositions(page), `${size.width} px`).toEqual(before)
      await page.unrouteAll()
    }
  })

  test('recent dates read relative, with the full date on hover and for screen readers', async ({
    page,
  }) => {
    const item = await firstListed(page)
    const published = Date.parse(item.date_published)
    await page.clock.setFixedTime(published + 3 * 60 * 60 * 1000 + 60_000)
    await page.goto('/')
    const time = page
      .getByRole('article', { name: item.title, exact: true })
      .locator('time')
    await expect(time).toHaveText(/^3 hours ago \(.*2026.*\)$/)
    await expect(time).toHaveAttribute('title', /2026/)
    await expect(time.locator('.visually-hidden')).toHaveCSS('width', '1px')
    await expect(time).toHaveAttribute('datetime', item.date_published)
  })
})

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN', hasTouch: true })

  test('gets 中文 and Chinese dates; a long press writes a recent date out', async ({
    page,
  }) => {
    const item = await firstListed(page)
    await page.clock.setFixedTime(Date.parse(item.date_published) + 90_000)
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    const time = page
      .getByRole('article', { name: item.title, exact: true })
      .locator('time')
    await expect(time).toHaveText(/^1\s?分钟前/)
    await time.dispatchEvent('pointerdown', { pointerType: 'touch' })
    await expect(time).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日/)
    await time.dispatchEvent('pointerup', { pointerType: 'touch' })
    await expect(time).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日/)
  })
})

/**
 * Where each piece of the page frame above the article body starts (its
 * top-left corner): the header, category tree, breadcrumb and byline.
 */
function framePositions(page: Page) {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '.site-header > *, .category-nav li a, .category-toggle > *, .breadcrumb li, .article-header h1, .byline > *',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const { x, y } = el.getBoundingClientRect()
        return `${el.tagName}.${el.className} ${Math.round(x)},${Math.round(y)}`
      }),
  )
}
