import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test } from 'vitest'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { renderApp } from '@/testing/render-app'

// A cold article route takes 1–5 s on two loaded cores.
describe('sharing an article', { timeout: 20_000 }, () => {
  test('copies the article link, and keeps the way to the original', async () => {
    const user = userEvent.setup()
    const article = fixtureArticles[0]
    renderApp(`/a/${article.id}`)
    await screen.findByRole(
      'heading',
      { level: 1, name: article.title },
      { timeout: 5000 },
    )
    expect(screen.getByRole('link', { name: 'Open original' })).toHaveAttribute(
      'href',
      article.external_url,
    )
    await user.click(screen.getByRole('button', { name: 'Share' }))
    // In the article: the header's notices region has live regions too.
    expect(
      await within(screen.getByRole('main')).findByRole('status'),
    ).toHaveTextContent('Link copied')
    expect(await navigator.clipboard.readText()).toBe(
      `${window.location.origin}/a/${article.id}`,
    )
  })

  test('offers sharing on articles without an original link too', async () => {
    const article = fixtureArticles[1]
    renderApp(`/a/${article.id}`)
    await screen.findByRole(
      'heading',
      { level: 1, name: article.title },
      { timeout: 5000 },
    )
    expect(screen.getByRole('button', { name: 'Share' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Open original' })).toBeNull()
  })
})
