import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import type { Manifest } from '@/lib/article-schema'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { dataFiles, server } from '@/testing/mocks/server'
import { renderApp } from '@/testing/render-app'

/** Route chunks load lazily; a busy machine can take seconds. */
const slow = { timeout: 10_000 }

const titles = (ids: number[]) => ids.map((n) => fixtureArticles[n - 1].title)

async function listedTitles() {
  const cards = await screen.findAllByRole('article', {}, slow)
  return cards.map((card) => within(card).getByRole('heading').textContent)
}

describe('the category tree', { timeout: 20_000 }, () => {
  test('shows every category with its unread count, a node counting its descendants', async () => {
    renderApp('/')
    const nav = await screen.findByRole(
      'navigation',
      { name: 'Categories' },
      slow,
    )
    const link = (name: string) =>
      within(nav).getByRole('link', {
        name: new RegExp(`^${name} \\d+ Unread$`),
      })
    expect(link('All')).toHaveTextContent('5')
    expect(link('编程')).toHaveTextContent('3')
    expect(link('新媒体')).toHaveTextContent('2')
    expect(link('编程')).toHaveAttribute(
      'href',
      `/c/${encodeURIComponent('编程')}`,
    )
  })

  test('opens and closes a branch with its expander button', async () => {
    const user = userEvent.setup()
    renderApp('/')
    const nav = await screen.findByRole(
      'navigation',
      { name: 'Categories' },
      slow,
    )
    const expand = within(nav).getByRole('button', {
      name: 'Show categories in 编程',
    })
    expect(expand).toHaveAttribute('aria-expanded', 'false')
    expect(within(nav).queryByRole('link', { name: /^开源中国/ })).toBeNull()
    await user.click(expand)
    expect(expand).toHaveAttribute('aria-expanded', 'true')
    expect(
      within(nav).getByRole('link', { name: /^开源中国 2 Unread$/ }),
    ).toBeVisible()
  })

  test('folds into one Categories button that names the current view', async () => {
    const user = userEvent.setup()
    renderApp(`/c/${encodeURIComponent('新媒体')}`)
    const nav = await screen.findByRole(
      'navigation',
      { name: 'Categories' },
      slow,
    )
    const toggle = within(nav).getByRole('button', { name: /^Categories/ })
    expect(toggle).toHaveTextContent('新媒体')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    // Choosing a category closes the sheet.
    await user.click(within(nav).getByRole('link', { name: /^编程 3 Unread$/ }))
    await screen.findByRole('heading', { level: 1, name: /^编程/ })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
  })
})

describe('a category view', { timeout: 20_000 }, () => {
  test('loaded cold, a nested category lists exactly its posts with a breadcrumb up the tree', async () => {
    renderApp(
      `/c/${encodeURIComponent('编程')}/${encodeURIComponent('开源中国')}`,
    )
    expect(
      await screen.findByRole('heading', { level: 1, name: /^开源中国/ }, slow),
    ).toHaveTextContent('2 articles')
    expect(await listedTitles()).toEqual(titles([1, 5]))
    const crumbs = within(
      screen.getByRole('navigation', { name: 'Breadcrumb' }),
    )
    const links = crumbs.getAllByRole('link')
    expect(links.map((a) => a.textContent)).toEqual(['All', '编程', '开源中国'])
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/',
      `/c/${encodeURIComponent('编程')}`,
      `/c/${encodeURIComponent('编程')}/${encodeURIComponent('开源中国')}`,
    ])
    expect(links[2]).toHaveAttribute('aria-current', 'page')
  })

  test('a breadcrumb link goes up the tree, and All returns to every article', async () => {
    const user = userEvent.setup()
    const { router } = renderApp(
      `/c/${encodeURIComponent('编程')}/${encodeURIComponent('开源中国')}`,
    )
    const crumbs = await screen.findByRole(
      'navigation',
      { name: 'Breadcrumb' },
      slow,
    )
    await user.click(within(crumbs).getByRole('link', { name: '编程' }))
    await screen.findByRole('heading', { level: 1, name: /^编程/ })
    expect(router.state.location.pathname).toBe(
      `/c/${encodeURIComponent('编程')}`,
    )
    await user.click(
      within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole(
        'link',
        { name: 'All' },
      ),
    )
    await screen.findByRole('heading', { level: 1, name: /^All/ })
    expect(router.state.location.pathname).toBe('/')
  })

  test('an unknown category shows the 404 view with a way back', async () => {
    renderApp(`/c/${encodeURIComponent('编程')}/nope`)
    expect(
      await screen.findByRole('heading', { name: 'Not found' }, slow),
    ).toBeInTheDocument()
    expect(
      screen.getByRole('link', { name: 'Back to all articles' }),
    ).toHaveAttribute('href', '/')
  })

  test('an empty category says so instead of showing an empty list', async () => {
    const manifest = structuredClone(dataFiles['manifest.json']) as Manifest
    manifest.categories.push({
      key: 'empty',
      name: '空 分类',
      path: ['空 分类'],
      count: 0,
      pages: 1,
      base: 'lists/empty/',
      children: [],
    })
    server.use(
      http.get('*/data/manifest.json', () => HttpResponse.json(manifest)),
      http.get('*/data/lists/empty/1.json', () =>
        HttpResponse.json({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'empty',
          items: [],
          _zixun: { list: 'empty', page: 1, pages: 1, count: 0 },
        }),
      ),
    )
    renderApp(`/c/${encodeURIComponent('空 分类')}`)
    expect(
      await screen.findByRole('heading', { level: 1, name: /^空 分类/ }, slow),
    ).toBeInTheDocument()
    expect(screen.getByText('No articles here yet.')).toBeInTheDocument()
    expect(screen.queryByRole('article')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
  })
})
