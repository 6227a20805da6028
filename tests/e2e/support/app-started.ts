import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * Waits until the app runs on the page: a prerendered page (lists, articles)
 * shows its content before that, but keys, menus and buttons work only once
 * it has been hydrated (`data-app="started"` on `<html>`, set by the root
 * route).
 */
export async function appStarted(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-app', 'started')
}
