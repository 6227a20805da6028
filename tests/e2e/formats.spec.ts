import { e2eOrigins } from '../../scripts/e2e/ports'
import { expect, test } from './support/fixtures'

// Built with the XSS corpus: scripts/e2e/serve-xss.ts ingests
// tests/e2e/fixtures/formats (a Markdown post and an RSS feed) too.
test.use({ baseURL: e2eOrigins.xss })

test('a Markdown post reads as formatted HTML in the browser', async ({
  page,
}) => {
  await page.goto(`/c/${encodeURIComponent('Formats')}`)
  await page
    .getByRole('link', { name: 'Markdown 在阅读器里：标题、列表与代码' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Markdown 在阅读器里：标题、列表与代码',
  )
  const body = page.locator('.article-body')
  await expect(
    body.getByRole('heading', { level: 2, name: '第二节 Second section' }),
  ).toBeVisible()
  await expect(body.getByRole('listitem')).toHaveCount(2)
  await expect(body.locator('pre code')).toHaveText(/const answer = 42/)
  await expect(body.getByRole('table')).toContainText('甲')
  await expect(body.locator('strong')).toHaveText('Markdown')
  await expect(body).toContainText('raw HTML')
  const original = page.getByRole('link', { name: 'Open original' })
  await expect(original).toHaveAttribute(
    'href',
    'https://formats.example.com/markdown-post',
  )
})

test('an RSS feed item reads with its feed as the source', async ({ page }) => {
  await page.goto(`/c/${encodeURIComponent('Formats')}`)
  const card = page
    .locator('article')
    .filter({ hasText: 'Feed item: harbour reopens after the storm' })
  await expect(card).toContainText('World Wire 环球电讯')
  await expect(card.locator('.thumbnail img')).toHaveAttribute(
    'src',
    'https://img.wire.example.com/harbour.jpg',
  )
  await card
    .getByRole('link', { name: 'Feed item: harbour reopens after the storm' })
    .click()
  const body = page.locator('.article-body')
  await expect(body.locator('strong')).toHaveText('reopened')
  await expect(
    body.getByRole('heading', { level: 2, name: 'What changed' }),
  ).toBeVisible()
  await expect(page.getByText('Short description')).toHaveCount(0)
  await expect(
    page.getByRole('link', { name: 'Open original' }),
  ).toHaveAttribute('href', 'https://wire.example.com/harbour')
})
