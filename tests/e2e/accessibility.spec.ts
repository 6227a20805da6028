import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { messagesFor, type Messages } from '../../src/config/messages'
import { paths } from '../../src/config/paths'
import { readBuiltManifest } from './support/servers'
import { readCorpus } from './support/corpus'
import { expect, test } from './support/fixtures'
import { appStarted } from './support/app-started'
import { BACKGROUNDS, openSettings, pageBackground } from './support/settings'

const [article] = readCorpus('demo')
const [topCategory] = readBuiltManifest('demo').categories

/** A view of the reader: where it is, and what to do there first. */
type View = {
  name: string
  path: string
  open?: (page: Page, messages: Messages) => Promise<void>
}

const views: View[] = [
  { name: 'the list of all articles', path: '/' },
  {
    name: 'a category',
    path: `/c/${encodeURIComponent(topCategory.name)}`,
  },
  { name: 'an article', path: `/a/${article.id}` },
  { name: 'the 404 view', path: '/no/such/page' },
  { name: 'search before a query', path: paths.search.getHref() },
  {
    name: 'search results',
    // A few letters of an article's title: it is found.
    path: paths.search.getHref({ q: article.title.slice(0, 4) }),
    open: async (page) => {
      await expect(
        page.getByRole('main').getByRole('article').first(),
      ).toBeVisible()
    },
  },
  { name: 'saved articles, none yet', path: paths.saved.getHref() },
  {
    name: 'saved articles, one saved',
    path: '/',
    open: async (page, m) => {
      const card = page.getByRole('main').getByRole('article').first()
      const title = (await card.getByRole('heading').textContent())!
      await card.getByRole('button', { name: m.saveTitled(title) }).click()
      await page.getByRole('link', { name: m.savedLink }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        new RegExp(m.savedTitle),
      )
      await expect(page.getByRole('main').getByRole('article')).toHaveCount(1)
    },
  },
  {
    name: 'a list with a read card',
    path: '/',
    open: async (page) => {
      const cards = page.getByRole('main').getByRole('article')
      const title = (await cards.nth(1).getByRole('heading').textContent())!
      await cards.nth(1).getByRole('heading').getByRole('link').click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
      await page.goBack()
      await expect(cards.nth(1)).toHaveAttribute('data-read', 'true')
    },
  },
  {
    name: 'the help overlay',
    path: '/',
    open: async (page, m) => {
      await page.keyboard.press('?')
      await expect(
        page.getByRole('dialog', { name: m.keyboardShortcuts }),
      ).toBeVisible()
    },
  },
  {
    name: 'the settings menu',
    path: `/a/${article.id}`,
    open: async (page, m) => {
      await openSettings(page, m.settings)
      await expect(
        page.getByRole('radio', { name: m.themes.dark }),
      ).toBeVisible()
    },
  },
]

const sizes = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
] as const

// axe-core's rules for WCAG 2.0 and 2.1, levels A and AA.
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Opens `view` and expects axe to find nothing at WCAG 2.1 AA. */
async function expectNoViolations(
  page: Page,
  view: View,
  scheme: 'light' | 'dark',
  language: 'en' | 'zh-CN',
) {
  await page.goto(view.path)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // The app has started (the share button waits for it, and lists and the
  // 404 view are drawn by it).
  await expect(page.locator('html')).toHaveAttribute('lang', language)
  await appStarted(page)
  // The colours checked are the scheme's.
  expect(await pageBackground(page)).toBe(BACKGROUNDS[scheme])
  await view.open?.(page, messagesFor(language))
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
}

for (const scheme of ['light', 'dark'] as const) {
  for (const size of sizes) {
    test.describe(`${scheme}, ${size.name}`, () => {
      test.use({ colorScheme: scheme, viewport: size.viewport })

      for (const view of views) {
        test(`${view.name} has no WCAG 2.1 AA violation`, async ({ page }) => {
          await expectNoViolations(page, view, scheme, 'en')
        })
      }
    })
  }

  // The interface in Chinese (other text, other widths) on a phone.
  test.describe(`中文, ${scheme}, phone`, () => {
    test.use({
      colorScheme: scheme,
      viewport: sizes[0].viewport,
      locale: 'zh-CN',
    })
    const chosen = [
      'the list of all articles',
      'an article',
      'the help overlay',
      'the settings menu',
    ]
    for (const view of views.filter((v) => chosen.includes(v.name))) {
      test(`${view.name} has no WCAG 2.1 AA violation`, async ({ page }) => {
        await expectNoViolations(page, view, scheme, 'zh-CN')
      })
    }
  })
}
