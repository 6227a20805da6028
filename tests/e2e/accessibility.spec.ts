import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { readBuiltManifest } from './support/servers'
import { readCorpus } from './support/corpus'
import { expect, test } from './support/fixtures'
import { BACKGROUNDS, openSettings, pageBackground } from './support/settings'

const [article] = readCorpus('demo')
const [topCategory] = readBuiltManifest('demo').categories

/** A view of the reader: where it is, and what to do there first. */
type View = { name: string; path: string; open?: (page: Page) => Promise<void> }

const views: View[] = [
  { name: 'the list of all articles', path: '/' },
  {
    name: 'a category',
    path: `/c/${encodeURIComponent(topCategory.name)}`,
  },
  { name: 'an article', path: `/a/${article.id}` },
  { name: 'the 404 view', path: '/no/such/page' },
  {
    name: 'the help overlay',
    path: '/',
    open: async (page) => {
      await page.keyboard.press('?')
      await expect(
        page.getByRole('dialog', { name: 'Keyboard shortcuts' }),
      ).toBeVisible()
    },
  },
  {
    name: 'the settings menu',
    path: `/a/${article.id}`,
    open: async (page) => {
      await openSettings(page)
      await expect(page.getByRole('radio', { name: 'Dark' })).toBeVisible()
    },
  },
]

const sizes = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
] as const

// axe-core's rules for WCAG 2.0 and 2.1, levels A and AA.
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

for (const scheme of ['light', 'dark'] as const) {
  for (const size of sizes) {
    test.describe(`${scheme}, ${size.name}`, () => {
      test.use({ colorScheme: scheme, viewport: size.viewport })

      for (const view of views) {
        test(`${view.name} has no WCAG 2.1 AA violation`, async ({ page }) => {
          await page.goto(view.path)
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
          // The app has started (the share button waits for it, and lists
          // and the 404 view are drawn by it).
          await expect(page.locator('html')).toHaveAttribute('lang', 'en')
          // The colours checked are the scheme's.
          expect(await pageBackground(page)).toBe(BACKGROUNDS[scheme])
          await view.open?.(page)
          const { violations } = await new AxeBuilder({ page })
            .withTags(WCAG_21_AA)
            .analyze()
          expect(
            violations.map((v) => ({
              rule: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
            })),
          ).toEqual([])
        })
      }
    })
  }
}
