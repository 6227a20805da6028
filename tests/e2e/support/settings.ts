import { expect, type Page } from '@playwright/test'

/** Opens the header's settings menu (by its button, as a reader does). */
export async function openSettings(page: Page, name = 'Settings') {
  // The app has started (its header is the one drawn in the reader's language).
  await expect(page.locator('html')).toHaveAttribute('lang', /^(en|zh-CN)$/)
  await page.getByRole('banner').getByRole('button', { name }).click()
  const menu = page.getByRole('dialog', { name })
  await expect(menu).toBeVisible()
  return menu
}

/**
 * Chooses `option` in the settings menu's group `group` (a radio; `check`
 * fails unless it ends up checked).
 */
export async function choose(page: Page, group: string, option: string) {
  const menu = page.getByRole('dialog', { name: /Settings|设置/ })
  await menu
    .getByRole('group', { name: group })
    .getByRole('radio', { name: option, exact: true })
    .check()
}

/** The computed background of `<html>` (the page's theme colour). */
export function pageBackground(page: Page): Promise<string> {
  return page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  )
}

/** The themes' page backgrounds (src/styles/theme.css, --bg). */
export const BACKGROUNDS = {
  light: 'rgb(251, 250, 248)',
  dark: 'rgb(22, 21, 20)',
}

/**
 * Holds back the app's own scripts (not the boot script) until `release`.
 * Only requests that reach the network are held: in a context where the
 * app already ran, block service workers (`serviceWorkers: 'block'`).
 */
export async function holdAppScripts(page: Page) {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(
    (url) =>
      url.pathname.startsWith('/assets/') &&
      url.pathname.endsWith('.js') &&
      !url.pathname.startsWith('/assets/boot-'),
    async (route) => {
      await held
      await route.continue()
    },
  )
  return release
}
