import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, test } from 'vitest'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { server } from '@/testing/mocks/server'
import { renderApp } from '@/testing/render-app'

/** Route chunks load lazily; a busy machine can take seconds. */
const slow = { timeout: 10_000 }

const coding = `/c/${encodeURIComponent('编程')}`

function requestedPaths(): string[] {
  const seen: string[] = []
  server.events.on('request:start', ({ request }) => {
    seen.push(new URL(request.url).pathname)
  })
  return seen
}

afterEach(() => {
  server.events.removeAllListeners()
  window.history.replaceState(null, '')
})

describe('the page reached in a list', { timeout: 20_000 }, () => {
  test('is written into the history entry as pages load', async () => {
    const user = userEvent.setup()
    const { router } = renderApp('/')
    await user.click(
      await screen.findByRole('button', { name: 'Load more' }, slow),
    )
    expect(await screen.findAllByRole('article', {}, slow)).toHaveLength(4)
    await waitFor(() =>
      expect(router.state.location.state).toEqual({
        listPages: { href: '/', pages: 2 },
      }),
    )
    expect(router.state.location.pathname).toBe('/')
    expect(router.state.location.search).toBe('')
  })

  test('is loaded again, every page at once, when the entry is reloaded', async () => {
    // A reload keeps history.state: React Router's state lives in `usr`.
    window.history.replaceState(
      { usr: { listPages: { href: '/', pages: 3 } }, key: 'k', idx: 0 },
      '',
    )
    const seen = requestedPaths()
    renderApp('/')
    await waitFor(async () =>
      expect(await screen.findAllByRole('article', {}, slow)).toHaveLength(5),
    )
    expect(screen.getByText('You have reached the end.')).toBeInTheDocument()
    expect(seen.filter((p) => p.startsWith('/data/lists/all/'))).toEqual([
      '/data/lists/all/1.json',
      '/data/lists/all/2.json',
      '/data/lists/all/3.json',
    ])
  })

  test('is ignored when the history entry belongs to another list', async () => {
    window.history.replaceState(
      { usr: { listPages: { href: coding, pages: 3 } }, key: 'k', idx: 0 },
      '',
    )
    renderApp('/')
    expect(await screen.findAllByRole('article', {}, slow)).toHaveLength(2)
  })

  test('a page that fails to load says so, and Retry loads it', async () => {
    let fail = true
    server.use(
      http.get('*/data/lists/all/2.json', () =>
        fail ? new HttpResponse(null, { status: 500 }) : undefined,
      ),
    )
    const user = userEvent.setup()
    renderApp('/')
    await user.click(
      await screen.findByRole('button', { name: 'Load more' }, slow),
    )
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load more articles.',
    )
    expect(screen.getAllByRole('article')).toHaveLength(2)
    fail = false
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findAllByRole('article', {}, slow)).toHaveLength(4)
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('an article', { timeout: 20_000 }, () => {
  test('has a breadcrumb of its first category path, each level a link', async () => {
    renderApp('/a/fixture-1')
    const crumbs = await screen.findByRole(
      'navigation',
      { name: 'Breadcrumb' },
      slow,
    )
    const links = within(crumbs).getAllByRole('link')
    expect(links.map((a) => a.textContent)).toEqual([
      'All',
      '编程',
      '开源中国',
      '资讯',
    ])
    expect(links.at(-1)).toHaveAttribute(
      'href',
      `${coding}/${encodeURIComponent('开源中国')}/${encodeURIComponent('资讯')}`,
    )
    expect(links.at(-1)).not.toHaveAttribute('aria-current')
  })

  test('loaded cold, previous/next follow all articles, fetching the next page at a page end', async () => {
    renderApp('/a/fixture-2')
    const nav = await screen.findByRole(
      'navigation',
      { name: 'More in this list' },
      slow,
    )
    // fixture-2 ends page 1 of the list of all articles (2 per page).
    expect(
      await within(nav).findByRole('link', { name: /Next/ }),
    ).toHaveAttribute('href', '/a/fixture-3')
    expect(within(nav).getByRole('link', { name: /Previous/ })).toHaveAttribute(
      'href',
      '/a/fixture-1',
    )
  })

  test('opened from a category, previous/next walk that category', async () => {
    const user = userEvent.setup()
    renderApp(coding)
    await user.click(
      await screen.findByRole('link', { name: fixtureArticles[0].title }),
    )
    const nav = await screen.findByRole(
      'navigation',
      { name: 'More in this list' },
      slow,
    )
    const next = await within(nav).findByRole('link', { name: /Next/ })
    // 编程 holds fixtures 1, 3 and 5: the next one is 3, not 2.
    expect(next).toHaveAttribute('href', '/a/fixture-3')
    expect(within(nav).queryByRole('link', { name: /Previous/ })).toBeNull()
    await user.click(next)
    await screen.findByRole('heading', {
      level: 1,
      name: fixtureArticles[2].title,
    })
    const after = screen.getByRole('navigation', { name: 'More in this list' })
    expect(
      await within(after).findByRole('link', { name: /Next/ }),
    ).toHaveAttribute('href', '/a/fixture-5')
    expect(
      within(after).getByRole('link', { name: /Previous/ }),
    ).toHaveAttribute('href', '/a/fixture-1')
  })
})
