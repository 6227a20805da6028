import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  readEntrySnapshot,
  saveEntrySnapshot,
  type ListPlace,
} from '@/lib/entry-snapshots'
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
})

/** A list place as the list view saves it, `pages` deep. */
function place(href: string, pages: number): ListPlace {
  return { href, pages, offset: 0, width: window.innerWidth, sizes: [] }
}

async function loadSecondPage() {
  const user = userEvent.setup()
  await user.click(
    await screen.findByRole('button', { name: 'Load more' }, slow),
  )
  expect(await screen.findAllByRole('article', {}, slow)).toHaveLength(4)
  return user
}

describe('the place in a list', { timeout: 20_000 }, () => {
  test('is kept in its history entry when the list is left, without navigating as pages load', async () => {
    // jsdom has no layout: every row of the list measures 150 px.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(
      function (this: HTMLElement) {
        return this.matches('.article-list > li') ? 150 : 0
      },
    )
    const { router } = renderApp('/')
    const user = await loadSecondPage()
    expect(router.state.location).toMatchObject({ key: 'default', state: null })
    await user.click(
      screen.getByRole('link', { name: fixtureArticles[2].title }),
    )
    await screen.findByRole(
      'heading',
      { level: 1, name: fixtureArticles[2].title },
      slow,
    )
    const kept = readEntrySnapshot('default').list
    expect(kept).toMatchObject({ href: '/', pages: 2 })
    expect(kept?.sizes).toEqual(
      fixtureArticles.slice(0, 4).map((article) => [article.id, 150]),
    )
  })

  test('is kept when the page is hidden (a reload, a closed tab)', async () => {
    renderApp('/')
    await loadSecondPage()
    window.dispatchEvent(new Event('pagehide'))
    expect(readEntrySnapshot('default').list).toMatchObject({
      href: '/',
      pages: 2,
    })
  })

  test('on a reload, every page the entry showed is loaded at once before the list renders', async () => {
    saveEntrySnapshot('default', { list: place('/', 3) })
    const seen = requestedPaths()
    renderApp('/')
    expect(await screen.findAllByRole('article', {}, slow)).toHaveLength(5)
    expect(screen.getByText('You have reached the end.')).toBeInTheDocument()
    expect(seen.filter((p) => p.startsWith('/data/lists/all/'))).toEqual([
      '/data/lists/all/1.json',
      '/data/lists/all/2.json',
      '/data/lists/all/3.json',
    ])
  })

  test('on Back after a reload, the list loads the pages it showed again', async () => {
    // The article entry was reloaded: the cache is empty, the list entry
    // below it in history still has its snapshot.
    saveEntrySnapshot('list', { list: place('/', 3) })
    const { router } = renderApp([
      { pathname: '/', key: 'list' },
      `/a/${fixtureArticles[0].id}`,
    ])
    await screen.findByRole(
      'heading',
      { level: 1, name: fixtureArticles[0].title },
      slow,
    )
    const seen = requestedPaths()
    await router.navigate(-1)
    await screen.findByText('You have reached the end.', {}, slow)
    expect(screen.getAllByRole('article')).toHaveLength(5)
    // Page 1 was already read for the article's previous/next.
    expect(seen.filter((p) => p.startsWith('/data/lists/all/')).sort()).toEqual(
      ['/data/lists/all/2.json', '/data/lists/all/3.json'],
    )
  })

  test('a link to the list opens a new entry, without the pages another entry of it remembers', async () => {
    saveEntrySnapshot('list', { list: place('/', 3) })
    const user = userEvent.setup()
    const { router } = renderApp([
      { pathname: '/', key: 'list' },
      `/a/${fixtureArticles[0].id}`,
    ])
    await user.click(await screen.findByRole('link', { name: 'Zixun' }, slow))
    await screen.findByRole('button', { name: 'Load more' }, slow)
    expect(screen.getAllByRole('article')).toHaveLength(2)
    expect(router.state.location.key).not.toBe('list')
  })

  test('is not used for another list', async () => {
    saveEntrySnapshot('default', { list: place(coding, 3) })
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
