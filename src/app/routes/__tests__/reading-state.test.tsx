import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test } from 'vitest'
import { StorageUnavailableError } from '@/lib/reading/backend'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { server } from '@/testing/mocks/server'
import { renderApp } from '@/testing/render-app'
import { createTestReadingStore } from '@/testing/reading-store'

/** Route chunks load lazily; a busy machine can take seconds. */
const slow = { timeout: 10_000 }

const [first, second] = fixtureArticles
const coding = `/c/${encodeURIComponent('编程')}`

afterEach(() => server.events.removeAllListeners())

function card(title: string) {
  return screen
    .getAllByRole('article')
    .find((c) => within(c).queryByRole('heading', { name: title }))!
}

function treeLink(name: string) {
  const nav = screen.getByRole('navigation', { name: 'Categories' })
  return within(nav).getByRole('link', { name: new RegExp(`^${name} `) })
}

async function cards() {
  return screen.findAllByRole('article', {}, slow)
}

describe('reading state on lists', { timeout: 20_000 }, () => {
  test('an opened article is read: its card is quieter and the tree counts one fewer', async () => {
    const user = userEvent.setup()
    renderApp('/')
    await cards()
    expect(card(first.title)).toHaveAttribute('data-read', 'false')
    expect(within(card(first.title)).getByText('Unread')).toBeInTheDocument()
    expect(treeLink('编程')).toHaveTextContent('3')
    await user.click(screen.getByRole('link', { name: first.title }))
    await screen.findByRole('heading', { level: 1, name: first.title }, slow)
    await user.click(treeLink('All'))
    // The article view is an <article> too: wait for the list's card.
    await waitFor(
      () => expect(card(first.title)).toHaveAttribute('data-read', 'true'),
      slow,
    )
    expect(within(card(first.title)).queryByText('Unread')).toBeNull()
    expect(treeLink('All')).toHaveTextContent('4')
    expect(treeLink('编程')).toHaveTextContent('2')
    expect(treeLink('新媒体')).toHaveTextContent('2')
  })

  test('"Unread only" lives in the URL and hides what was read before', async () => {
    const user = userEvent.setup()
    const reading = createTestReadingStore()
    await reading.ready()
    reading.setRead(first, true)
    const { router } = renderApp('/', { reading })
    await cards()
    await user.click(screen.getByRole('switch', { name: /Unread only/ }))
    await waitFor(() => expect(router.state.location.search).toBe('?unread=1'))
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: first.title })).toBeNull(),
    )
    expect(screen.getByRole('heading', { name: second.title })).toBeVisible()
    expect(screen.getByRole('switch', { name: /Unread only/ })).toBeChecked()
  })

  test('opened cold with ?unread=1, a category shows only its unread articles', async () => {
    const reading = createTestReadingStore()
    await reading.ready()
    reading.setRead(first, true)
    renderApp(`${coding}?unread=1`, { reading })
    const shown = await cards()
    const titles = shown.map((c) => within(c).getByRole('heading').textContent)
    expect(titles).not.toContain(first.title)
    expect(titles).toContain(fixtureArticles[2].title)
  })

  test('"Mark all read" marks the whole list with Undo, counts included', async () => {
    const user = userEvent.setup()
    renderApp(coding)
    await cards()
    await user.click(screen.getByRole('button', { name: 'Mark all read' }))
    expect(screen.getByText('Marked 3 articles read.')).toBeVisible()
    for (const c of screen.getAllByRole('article')) {
      expect(c).toHaveAttribute('data-read', 'true')
    }
    expect(treeLink('编程')).toHaveTextContent('0')
    expect(treeLink('All')).toHaveTextContent('2')
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(screen.getByText('Undone.')).toBeVisible()
    for (const c of screen.getAllByRole('article')) {
      expect(c).toHaveAttribute('data-read', 'false')
    }
    expect(treeLink('编程')).toHaveTextContent('3')
    expect(treeLink('All')).toHaveTextContent('5')
  })

  test('a card’s menu marks it and everything older in the list read', async () => {
    const user = userEvent.setup()
    renderApp('/')
    await cards()
    await user.click(
      screen.getByRole('button', { name: `More actions: ${second.title}` }),
    )
    await user.click(
      screen.getByRole('button', { name: 'Mark this and older read' }),
    )
    expect(card(first.title)).toHaveAttribute('data-read', 'false')
    expect(card(second.title)).toHaveAttribute('data-read', 'true')
    expect(treeLink('All')).toHaveTextContent('1')
    expect(treeLink('编程')).toHaveTextContent('1')
    expect(screen.getByText('Marked 4 articles read.')).toBeVisible()
  })

  test('the keys m, s and Shift+A act on the focused card and the list', async () => {
    const user = userEvent.setup()
    const { reading } = renderApp('/')
    await cards()
    screen.getByRole('link', { name: second.title }).focus()
    await user.keyboard('m')
    expect(card(second.title)).toHaveAttribute('data-read', 'true')
    await user.keyboard('s')
    expect(reading.isSaved(second.id)).toBe(true)
    expect(
      within(card(second.title)).getByRole('button', { name: /^Save:/ }),
    ).toHaveAttribute('aria-pressed', 'true')
    await user.keyboard('m')
    expect(card(second.title)).toHaveAttribute('data-read', 'false')
    await user.keyboard('{Shift>}A{/Shift}')
    expect(treeLink('All')).toHaveTextContent('0')
  })
})

describe('saved articles', { timeout: 20_000 }, () => {
  test('/saved lists them newest saved first, without fetching a page or an article', async () => {
    const user = userEvent.setup()
    renderApp('/')
    await cards()
    // Clicked without pointing at the cards first: pointing asks for the
    // article (idle prefetch, which may run later), and this test is about
    // what /saved itself fetches.
    fireEvent.click(
      within(card(second.title)).getByRole('button', { name: /^Save:/ }),
    )
    fireEvent.click(
      within(card(first.title)).getByRole('button', { name: /^Save:/ }),
    )
    const fetched: string[] = []
    server.events.on('request:start', ({ request }) => {
      fetched.push(new URL(request.url).pathname)
    })
    await user.click(screen.getByRole('link', { name: 'Saved' }))
    await screen.findByRole(
      'heading',
      { level: 1, name: /Saved articles/ },
      slow,
    )
    const titles = (await cards()).map(
      (c) => within(c).getByRole('heading').textContent,
    )
    expect(titles).toEqual([first.title, second.title])
    expect(fetched.filter((p) => p !== '/data/manifest.json')).toEqual([])
  })

  test('an empty /saved says how to save', async () => {
    renderApp('/saved')
    expect(
      await screen.findByText(/Nothing saved yet/, {}, slow),
    ).toBeInTheDocument()
  })

  test('the article toolbar saves, and marks an opened article unread again', async () => {
    const user = userEvent.setup()
    const { reading } = renderApp(`/a/${first.id}`)
    await screen.findByRole('heading', { level: 1, name: first.title }, slow)
    await waitFor(() => expect(reading.isRead(first)).toBe(true))
    await user.click(screen.getByRole('button', { name: 'Mark as unread' }))
    expect(reading.isRead(first)).toBe(false)
    const save = screen.getByRole('button', { name: 'Save' })
    await user.click(save)
    expect(save).toHaveAttribute('aria-pressed', 'true')
    await user.keyboard('s')
    expect(save).toHaveAttribute('aria-pressed', 'false')
  })
})

describe('storage', { timeout: 20_000 }, () => {
  test('unavailable storage: the app works for the session and says so', async () => {
    const user = userEvent.setup()
    const reading = createTestReadingStore({
      open: () => Promise.reject(new StorageUnavailableError('private mode')),
    })
    renderApp('/', { reading })
    await cards()
    expect(screen.getByText(/last for this session only/)).toBeInTheDocument()
    await user.click(
      within(card(first.title)).getByRole('button', { name: /^Save:/ }),
    )
    expect(reading.isSaved(first.id)).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByText(/last for this session only/)).toBeNull()
  })
})

describe('reading state on search results', { timeout: 20_000 }, () => {
  const hit = fixtureArticles[1]
  const search = '/search?q=%E6%99%BA%E8%83%BD%E4%BD%93%E9%AA%8C'

  test('a hit shows its read state and can be saved; "unread only" keeps the query', async () => {
    const user = userEvent.setup()
    const reading = createTestReadingStore()
    await reading.ready()
    reading.setRead(hit, true)
    const { router } = renderApp(search, { reading })
    await cards()
    expect(card(hit.title)).toHaveAttribute('data-read', 'true')
    await user.click(
      within(card(hit.title)).getByRole('button', {
        name: `Save: ${hit.title}`,
      }),
    )
    expect(reading.isSaved(hit.id)).toBe(true)
    await user.click(screen.getByRole('switch', { name: /Unread only/ }))
    await waitFor(() =>
      expect(
        new URLSearchParams(router.state.location.search).get('unread'),
      ).toBe('1'),
    )
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe(
      '智能体验',
    )
    expect(
      await screen.findByText('No unread articles here.'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('article')).toBeNull()
  })
})
