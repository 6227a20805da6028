import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, test, vi } from 'vitest'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { server } from '@/testing/mocks/server'
import { renderApp } from '@/testing/render-app'
import { searchStatus } from '@/testing/search-status'

// Typing waits out the field's debounce, and each search loads its files.
vi.setConfig({ testTimeout: 15_000 })

function resultTitles() {
  return screen
    .getAllByRole('article')
    .map((card) => within(card).getByRole('heading').textContent)
}

describe('the search page', () => {
  test('a cold /search?q= link shows the results, the words found marked', async () => {
    renderApp('/search?q=%E6%99%BA%E8%83%BD%E4%BD%93%E9%AA%8C')
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Results for “智能体验”',
      }),
    ).toBeInTheDocument()
    await waitFor(() => expect(searchStatus()).toHaveTextContent('1 result'))
    const card = screen.getByRole('article')
    const link = within(card).getByRole('link', {
      name: fixtureArticles[1].title,
    })
    expect(link).toHaveAttribute('href', `/a/${fixtureArticles[1].id}`)
    expect(
      within(link).getByText('智能体验', { selector: 'mark' }),
    ).toBeInTheDocument()
    expect(document.head.querySelector('meta[name="robots"]')).toHaveAttribute(
      'content',
      'noindex',
    )
  })

  test('every hit is a card; the count is announced in a live region', async () => {
    renderApp('/search?q=body')
    await waitFor(() => expect(searchStatus()).toHaveTextContent('4 results'))
    expect(resultTitles()).toHaveLength(4)
    expect(screen.getAllByText('Body', { selector: 'mark' })).toHaveLength(4)
  })

  test('newest first is a link of its own and sorts by date', async () => {
    const user = userEvent.setup()
    renderApp('/search?q=body')
    await waitFor(() => expect(searchStatus()).toHaveTextContent('4 results'))
    await user.click(screen.getByRole('link', { name: 'Newest' }))
    await waitFor(() =>
      expect(resultTitles()).toEqual(
        fixtureArticles.slice(1).map((a) => a.title),
      ),
    )
    expect(screen.getByRole('link', { name: 'Newest' })).toHaveAttribute(
      'aria-current',
      'true',
    )
  })

  test('a search limited to a category finds only what is in it', async () => {
    renderApp(`/search?q=body&c=${encodeURIComponent('编程')}`)
    await waitFor(() => expect(searchStatus()).toHaveTextContent('2 results'))
    expect(resultTitles().sort()).toEqual(['Against SQL', 'Go 1.30 released'])
    expect(screen.getByText(/in 编程/)).toBeInTheDocument()
    expect(
      screen.getByRole('link', { name: 'Search all categories' }),
    ).toHaveAttribute('href', '/search?q=body')
  })

  test('a category that does not exist: says so and searches them all', async () => {
    renderApp(`/search?q=body&c=${encodeURIComponent('没有这个')}`)
    await waitFor(() => expect(searchStatus()).toHaveTextContent('4 results'))
    expect(
      screen.getByText(
        'There is no category “没有这个”: searching all categories.',
      ),
    ).toBeInTheDocument()
  })

  test('a c that is not valid percent-encoding is read as it is written', async () => {
    renderApp('/search?q=body&c=%E4%ZZ')
    await waitFor(() => expect(searchStatus()).toHaveTextContent('4 results'))
    expect(screen.getByText(/no category “.*%ZZ”/)).toBeInTheDocument()
  })

  test('no results: says so, with a hint', async () => {
    renderApp('/search?q=zebra')
    expect(
      await screen.findByText('Nothing found for “zebra”.'),
    ).toBeInTheDocument()
    expect(screen.getByText(/Try fewer words/)).toBeInTheDocument()
    expect(searchStatus()).toHaveTextContent('No results')
  })

  test.each([
    ['/search', 'Type a word or a name to search every article.'],
    ['/search?q=%21%21%21', /nothing to search for in that/],
    ['/search?q=-rust', /a query with only excluded words/],
  ])('%s explains why there is nothing to search', async (url, text) => {
    renderApp(url)
    expect(await screen.findByText(text)).toBeInTheDocument()
    expect(screen.queryAllByRole('article')).toHaveLength(0)
  })

  test('a 2,000-character query is cut, and the page says so', async () => {
    renderApp(`/search?q=${'rust '.repeat(400)}`)
    expect(
      await screen.findByText(/Only the first 256 characters/),
    ).toBeInTheDocument()
  })

  test('a q that is not valid percent-encoding is searched as it reads', async () => {
    renderApp('/search?q=%E4%ZZ')
    expect(
      await screen.findByRole('heading', { level: 1, name: /Results for/ }),
    ).toBeInTheDocument()
    await waitFor(() => expect(searchStatus()).toHaveTextContent('No results'))
  })

  test('a shard that fails to load shows an error, and Retry finds the results', async () => {
    let fail = true
    server.use(
      http.get('*/data/search/s/*', () =>
        fail ? new HttpResponse(null, { status: 500 }) : undefined,
      ),
    )
    const user = userEvent.setup()
    renderApp('/search?q=rust')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'The search could not load part of its index.',
    )
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(searchStatus()).toHaveTextContent('1 result'))
    expect(
      screen.getByRole('link', { name: fixtureArticles[0].title }),
    ).toBeInTheDocument()
  })
})

describe('the search field', () => {
  test('typing shows results as you type, and focus stays in the field', async () => {
    const user = userEvent.setup()
    const { router } = renderApp('/')
    const field = await screen.findByRole('searchbox', { name: 'Search' })
    await user.type(field, 'rust')
    await waitFor(() => expect(router.state.location.search).toBe('?q=rust'))
    expect(router.state.location.pathname).toBe('/search')
    await screen.findByRole('link', { name: fixtureArticles[0].title })
    expect(field).toHaveFocus()
    await user.type(field, ' ships')
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=rust+ships'),
    )
    expect(field).toHaveFocus()
  })

  test('typing starts the search before the navigation: its first page is asked for while the URL is still the list’s, and the route takes it over', async () => {
    const user = userEvent.setup()
    const { router, queryClient } = renderApp('/')
    const field = await screen.findByRole('searchbox', { name: 'Search' })
    await user.click(field)
    // The field's focus loads the route's code and the index's entry point.
    await waitFor(() =>
      expect(queryClient.getQueryData(['search', 'meta'])).toBeDefined(),
    )
    const startedAt: string[] = []
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'added' && event.query.queryKey[1] === 'results')
        startedAt.push(router.state.location.pathname)
    })
    await user.type(field, 'rust')
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'))
    await waitFor(() => expect(searchStatus()).toHaveTextContent('1 result'))
    unsubscribe()
    expect(startedAt).toEqual(['/'])
  })

  test('Enter goes to the search page at once', async () => {
    const user = userEvent.setup()
    const { router } = renderApp('/')
    await user.type(await screen.findByRole('searchbox'), 'go{Enter}')
    expect(router.state.location.pathname).toBe('/search')
    expect(router.state.location.search).toBe('?q=go')
  })

  test('/ focuses the field, but not while typing in it', async () => {
    const user = userEvent.setup()
    renderApp('/')
    const field = await screen.findByRole('searchbox')
    expect(field).not.toHaveFocus()
    await user.keyboard('/')
    expect(field).toHaveFocus()
    await user.keyboard('a/b')
    expect(field).toHaveValue('a/b')
  })

  test('follows the URL when it changes without the field (a link, Back)', async () => {
    const { router } = renderApp('/search?q=rust')
    const field = await screen.findByRole('searchbox')
    expect(field).toHaveValue('rust')
    await router.navigate('/search?q=go')
    await waitFor(() => expect(field).toHaveValue('go'))
    await router.navigate(-1)
    await waitFor(() => expect(field).toHaveValue('rust'))
  })

  test('a category page offers to search in it', async () => {
    const user = userEvent.setup()
    const { router } = renderApp(`/c/${encodeURIComponent('编程')}`)
    await user.click(
      await screen.findByRole('link', { name: 'Search in this category' }),
    )
    expect(router.state.location.pathname).toBe('/search')
    expect(
      await screen.findByText('Type a word to search in 编程.'),
    ).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('searchbox')).toHaveFocus())
  })
})
