import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseDocument, DomUtils } from 'htmlparser2'
import { e2eDirs } from '../../scripts/e2e/corpora'
import { readCorpus } from './support/corpus'
import { expect, test } from './support/fixtures'
import {
  BACKGROUNDS,
  choose,
  holdAppScripts,
  openSettings,
  pageBackground,
} from './support/settings'
import { BOOT_MAX_BYTES } from '../../scripts/vite/boot-script-plugin.ts'

const [article] = readCorpus('demo')

test.describe('the theme', () => {
  // Held scripts must come from the network: a worker installed by the
  // first visit would serve them from its precache.
  test.use({ colorScheme: 'light', serviceWorkers: 'block' })

  test('a stored theme and text size are on the first paint, before any app script runs', async ({
    page,
  }) => {
    await page.goto('/')
    await openSettings(page)
    await choose(page, 'Theme', 'Dark')
    await choose(page, 'Text size', 'Largest')
    // Reload with every script of the app held back: only the boot script runs.
    const release = await holdAppScripts(page)
    for (const url of ['/', `/a/${article.id}`]) {
      await page.goto(url, { waitUntil: 'commit' })
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
      // The first style the page gets (render-blocking) is the dark one.
      await page.waitForFunction(() => document.styleSheets.length > 0)
      expect(await pageBackground(page)).toBe(BACKGROUNDS.dark)
      await expect(page.locator('html')).toHaveAttribute(
        'data-text-size',
        'largest',
      )
      // The app has not run: the prerendered page is not hydrated.
      await expect(page.locator('html')).not.toHaveAttribute('data-app')
    }
    // The prerendered article, still without the app: the type is set.
    await expect(page.locator('.article')).toHaveCSS('font-size', '24px')
    release()
  })

  test('the boot script is a small file of our own, loaded before the style sheet on every page', async ({
    page,
  }) => {
    const dist = e2eDirs('demo').dist
    for (const file of ['index.html', `a/${article.id}/index.html`]) {
      const html = readFileSync(path.join(dist, file), 'utf8')
      const head = DomUtils.findOne(
        (el) => el.name === 'head',
        parseDocument(html).children,
      )!
      const tags = DomUtils.findAll(
        (el) => el.name === 'script' || el.name === 'link',
        head.children,
      )
      const boot = tags.findIndex((el) =>
        /^\/assets\/boot-[0-9a-f]+\.js$/.test(el.attribs.src ?? ''),
      )
      const styles = tags.findIndex((el) => el.attribs.rel === 'stylesheet')
      expect(boot, file).toBeGreaterThanOrEqual(0)
      expect(boot, file).toBeLessThan(styles)
      expect(tags[boot].attribs.type, 'a classic, blocking script').toBe(
        undefined,
      )
      // Scripts that run (JSON-LD is data, not a script).
      const inline = DomUtils.findAll(
        (el) =>
          el.name === 'script' &&
          !el.attribs.src &&
          el.attribs.type !== 'application/ld+json',
        parseDocument(html).children,
      )
      expect(inline, 'no inline script').toEqual([])
      const response = await page.request.get(tags[boot].attribs.src)
      expect((await response.body()).byteLength).toBeLessThanOrEqual(
        BOOT_MAX_BYTES,
      )
    }
  })

  test('system follows the device; a choice is remembered and followed by other tabs', async ({
    page,
    context,
  }) => {
    await page.goto('/')
    expect(await pageBackground(page)).toBe(BACKGROUNDS.light)
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(() => pageBackground(page)).toBe(BACKGROUNDS.dark)
    await openSettings(page)
    await choose(page, 'Theme', 'Light')
    await expect.poll(() => pageBackground(page)).toBe(BACKGROUNDS.light)
    const other = await context.newPage()
    await other.goto(`/a/${article.id}`)
    expect(await pageBackground(other)).toBe(BACKGROUNDS.light)
    await choose(page, 'Theme', 'Dark')
    await expect.poll(() => pageBackground(other)).toBe(BACKGROUNDS.dark)
    await page.reload()
    expect(await pageBackground(page)).toBe(BACKGROUNDS.dark)
  })
})

test('the article’s text size, line width and face follow the settings and are remembered', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`/a/${article.id}`)
  const body = page.locator('.article-body')
  await expect(body).toHaveCSS('font-size', '17px')
  await openSettings(page)
  const sizes = ['Small', 'Default', 'Large', 'Larger', 'Largest']
  const pixels: number[] = []
  for (const size of sizes) {
    await choose(page, 'Text size', size)
    pixels.push(
      await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    )
  }
  expect(pixels).toEqual([...pixels].sort((a, b) => a - b))
  expect(new Set(pixels).size).toBe(5)
  const width = () =>
    page.locator('.article').evaluate((el) => el.getBoundingClientRect().width)
  await choose(page, 'Text size', 'Default')
  await choose(page, 'Line width', 'Narrow')
  const narrow = await width()
  await choose(page, 'Line width', 'Wide')
  const wide = await width()
  expect(narrow).toBeCloseTo(30 * 17, -1)
  expect(wide).toBeGreaterThan(narrow * 1.5)
  await choose(page, 'Body font', 'Serif')
  await expect(body).toHaveCSS('font-family', /^"Iowan Old Style"/)
  await page.reload()
  await expect(body).toHaveCSS('font-family', /^"Iowan Old Style"/)
  expect(await width()).toBeCloseTo(wide, 0)
})

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' })

  test('nothing animates', async ({ page }) => {
    await page.goto('/')
    const expander = page.locator('.category-expander').first()
    const duration = await expander.evaluate(
      (el) => getComputedStyle(el, '::before').transitionDuration,
    )
    expect(parseFloat(duration)).toBeLessThan(0.001)
  })
})

test.describe('a Chinese browser on a prerendered page', () => {
  test.use({ locale: 'zh-CN' })

  test('the settings menu opened before the app starts fills in once it has', async ({
    page,
  }) => {
    const release = await holdAppScripts(page)
    await page.goto(`/a/${article.id}`, { waitUntil: 'commit' })
    // The page is the prerendered one: its button opens the menu natively.
    await page.getByRole('banner').getByRole('button', { name: '设置' }).click()
    const menu = page.getByRole('dialog', { name: '设置' })
    await expect(menu).toBeVisible()
    release()
    await expect(menu.getByRole('radio', { name: '深色' })).toBeVisible()
    await menu.getByRole('radio', { name: '深色' }).check()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  })
})
