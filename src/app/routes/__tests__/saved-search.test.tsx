import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { server } from '@/testing/mocks/server'
import { renderApp } from '@/testing/render-app'
import { searchStatus } from '@/testing/search-status'
import { createTestReadingStore } from '@/testing/reading-store'

// Typing waits out the field's debounce; route chunks load lazily.
vi.setConfig({ testTimeout: 20_000 })
const slow = { timeout: 10_000 }

afterEach(() => server.events.removeAllListeners())

const titles = () =>
  screen
    .getAllByRole('article')
    .map((card) => within(card).getByRole('heading').textContent)
    .sort()

/** A reading store with these fixture articles saved. */
async function savedStore(...indexes: number[]) {
  const reading = createTestReadingStore()
  await reading.ready()
  for (const i of indexes) reading.setSaved(fixtureArticles[i], true)
  return reading
}

describe('searching the saved articles', () => {
  test('/search?saved=1 finds only saved articles, in their text, without the index', async () => {
    const reading = await savedStore(1, 2)
    const requested: string[] = []
    server.events.on('request:start', ({ request }) => {
      requested.push(new URL(request.url).pathname)
    })
    renderApp('/search?q=body&saved=1', { reading })
    await waitFor(
      () => expect(searchStatus()).toHaveTextContent('2 results'),
      slow,
    )
    expect(titles()).toEqual(
      [fixtureArticles[1].title, fixtureArticles[2].title].sort(),
    )
    expect(screen.getAllByText('Body', { selector: 'mark' })).toHaveLength(2)
    expect(screen.getByText(/in saved articles/)).toBeInTheDocument()
    expect(
      screen.getByRole('link', { name: 'Search all articles' }),
    ).toHaveAttribute('href', '/search?q=body')
    expect(requested.filter((p) => p.includes('/data/search/'))).toEqual([])
  })

  test('/saved leads to a search of them; what is typed keeps the scope', async () => {
    const user = userEvent.setup()
    const reading = await savedStore(1, 3)
    const { router } = renderApp('/saved', { reading })
    await user.click(
      await screen.findByRole('link', { name: 'Search saved articles' }, slow),
    )
    const field = screen.getByRole('searchbox', { name: 'Search' })
    await waitFor(() => expect(field).toHaveFocus())
    expect(
      await screen.findByText('Type a word to search your saved articles.'),
    ).toBeInTheDocument()
    await user.type(field, 'body')
    await waitFor(
      () => expect(searchStatus()).toHaveTextContent('2 results'),
      slow,
    )
    expect(titles()).toEqual(
      [fixtureArticles[1].title, fixtureArticles[3].title].sort(),
    )
    const params = new URLSearchParams(router.state.location.search)
    expect([params.get('q'), params.get('saved')]).toEqual(['body', '1'])
    expect(field).toHaveFocus()
  })

  test('a saved article that cannot be read is left out, said, and read again on Retry', async () => {
    const user = userEvent.setup()
    const reading = await savedStore(1, 2)
    const lost = fixtureArticles[2]
    let fail = true
    server.use(
      http.get(`*/data/articles/${lost.id}.json`, () =>
        fail ? HttpResponse.error() : undefined,
      ),
    )
    renderApp('/search?q=body&saved=1', { reading })
    const text = await screen.findByText(
      /1 saved article could not be read/,
      {},
      slow,
    )
    const alert = text.closest('[role="alert"]') as HTMLElement
    expect(alert).not.toBeNull()
    expect(titles()).toEqual([fixtureArticles[1].title])
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(
      () => expect(searchStatus()).toHaveTextContent('2 results'),
      slow,
    )
    expect(screen.queryByRole('alert')).toBeNull()
  })

  test('nothing saved: says there is nothing to search', async () => {
    renderApp('/search?q=body&saved=1')
    expect(
      await screen.findByText(/Nothing is saved yet/, {}, slow),
    ).toBeInTheDocument()
  })
})
