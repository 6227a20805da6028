import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { server } from '@/testing/mocks/server'
import { renderApp } from '@/testing/render-app'

describe('the list of all articles', () => {
  test('shows the newest articles first, each title a real link', async () => {
    renderApp('/')
    const links = await screen.findAllByRole('link', {
      name: /./,
      hidden: false,
    })
    const first = screen.getByRole('link', { name: fixtureArticles[0].title })
    expect(first).toHaveAttribute('href', '/a/fixture-1')
    expect(links.length).toBeGreaterThan(0)
    const cards = screen.getAllByRole('article')
    expect(cards).toHaveLength(2)
    expect(within(cards[0]).getByRole('heading')).toHaveTextContent(
      fixtureArticles[0].title,
    )
  })

  test('loads the next page when the reader asks for more', async () => {
    const user = userEvent.setup()
    renderApp('/')
    await user.click(await screen.findByRole('button', { name: 'Load more' }))
    expect(await screen.findAllByRole('article')).toHaveLength(4)
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findAllByRole('article')).toHaveLength(5)
    expect(screen.getByText('You have reached the end.')).toBeInTheDocument()
  })

  test('renders a title that looks like HTML as plain text', async () => {
    const user = userEvent.setup()
    const { container } = renderApp('/')
    await user.click(await screen.findByRole('button', { name: 'Load more' }))
    await screen.findByText(fixtureArticles[3].title)
    expect(container.querySelector('img[src="x"]')).toBeNull()
  })

  test('thumbnails are lazy, referrer-free and sized', async () => {
    const { container } = renderApp('/')
    await screen.findAllByRole('article')
    const img = container.querySelector('.thumbnail img')
    expect(img).toHaveAttribute('loading', 'lazy')
    expect(img).toHaveAttribute('decoding', 'async')
    expect(img).toHaveAttribute('referrerpolicy', 'no-referrer')
    expect(img).toHaveAttribute('width')
    expect(screen.getAllByTestId('thumbnail-placeholder')).toHaveLength(1)
  })

  test('shows an error with Retry when the manifest fails, and recovers', async () => {
    let fail = true
    server.use(
      http.get('*/data/manifest.json', () =>
        fail ? new HttpResponse(null, { status: 500 }) : undefined,
      ),
    )
    const user = userEvent.setup()
    renderApp('/')
    const retry = await screen.findByRole('button', { name: 'Retry' })
    fail = false
    await user.click(retry)
    expect(await screen.findAllByRole('article')).toHaveLength(2)
  })

  test('an unknown path shows the 404 view', async () => {
    renderApp('/no/such/page')
    expect(
      await screen.findByRole('heading', { name: 'Not found' }),
    ).toBeInTheDocument()
  })
})
