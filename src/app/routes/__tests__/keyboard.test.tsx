import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test, vi } from 'vitest'
import { getCurrentCard } from '@/lib/current-card'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { renderApp } from '@/testing/render-app'

/** Route chunks load lazily; a busy machine can take seconds. */
const slow = { timeout: 10_000 }
const [first, second, third] = fixtureArticles

function titleLink(title: string) {
  return within(screen.getByRole('article', { name: title })).getByRole(
    'link',
    { name: title },
  )
}

async function openList() {
  const view = renderApp('/')
  await screen.findByRole('heading', { level: 1, name: /^All/ }, slow)
  return { ...view, user: userEvent.setup() }
}

async function heading(name: string) {
  return screen.findByRole('heading', { level: 1, name }, slow)
}

describe('the keyboard in a list', { timeout: 20_000 }, () => {
  test('j and k select the next and previous card, focusing its title', async () => {
    const { user } = await openList()
    await user.keyboard('j')
    expect(titleLink(first.title)).toHaveFocus()
    await user.keyboard('j')
    expect(titleLink(second.title)).toHaveFocus()
    expect(getCurrentCard()).toBe(second.id)
    await user.keyboard('k')
    expect(titleLink(first.title)).toHaveFocus()
  })

  test('j past the last loaded card loads the next page and selects its first card', async () => {
    const { user } = await openList()
    await user.keyboard('jjj')
    await waitFor(() => expect(titleLink(third.title)).toHaveFocus(), slow)
  })

  test('o opens the selected card, focus moves to the article’s heading, and u returns to the same card', async () => {
    const { user, router } = await openList()
    await user.keyboard('jj')
    // Focus elsewhere (a click on the page): the selection stays.
    screen.getByRole('main').focus()
    await user.keyboard('o')
    const title = await heading(second.title)
    expect(router.state.location.pathname).toBe(`/a/${second.id}`)
    await waitFor(() => expect(title).toHaveFocus())
    await user.keyboard('u')
    const list = await screen.findByRole(
      'heading',
      { level: 1, name: /^All/ },
      slow,
    )
    expect(router.state.location.key).toBe('default')
    await waitFor(() => expect(list).toHaveFocus())
    await user.keyboard('j')
    await waitFor(() => expect(titleLink(third.title)).toHaveFocus(), slow)
  })

  test('Enter on the selected title opens it; v opens its original in a new tab', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    const { user, router } = await openList()
    await user.keyboard('j')
    await user.keyboard('v')
    expect(open).toHaveBeenCalledWith(
      first.external_url,
      '_blank',
      'noopener,noreferrer',
    )
    await user.keyboard('{Enter}')
    await heading(first.title)
    expect(router.state.location.pathname).toBe(`/a/${first.id}`)
  })
})

describe('keys that must not be taken', { timeout: 20_000 }, () => {
  test.each([
    ['Ctrl', { ctrlKey: true }],
    ['Meta', { metaKey: true }],
    ['Alt', { altKey: true }],
    ['an input method composing', { isComposing: true }],
    ['keyCode 229 (IME)', { keyCode: 229 }],
  ])('j with %s does nothing', async (_name, init) => {
    await openList()
    const event = fireEvent.keyDown(document.body, { key: 'j', ...init })
    expect(event).toBe(true) // not prevented
    expect(document.body).toHaveFocus()
    expect(getCurrentCard()).toBeNull()
  })

  test('keys typed into a field stay there', async () => {
    const { user } = await openList()
    const field = document.createElement('input')
    field.type = 'search'
    screen.getByRole('banner').append(field)
    await user.click(field)
    await user.keyboard('jk?gh')
    expect(field).toHaveValue('jk?gh')
    expect(field).toHaveFocus()
    expect(screen.queryByRole('dialog')).toBeNull()
    field.remove()
  })
})

describe('the keyboard on an article', { timeout: 20_000 }, () => {
  test('n and p walk the list the article was opened from', async () => {
    const { user, router } = await openList()
    await user.keyboard('jo')
    await heading(first.title)
    await screen.findByRole('navigation', { name: 'More in this list' }, slow)
    await user.keyboard('n')
    await heading(second.title)
    await screen.findByRole('link', { name: /Previous/ }, slow)
    await user.keyboard('p')
    await heading(first.title)
    // Back to the list is back three entries, to the list's own.
    await screen.findByRole('link', { name: /Next/ }, slow)
    await user.keyboard('{Backspace}')
    await screen.findByRole('heading', { level: 1, name: /^All/ }, slow)
    expect(router.state.location.key).toBe('default')
  })

  test('u on an article opened from a link goes to its list', async () => {
    const user = userEvent.setup()
    const { router } = renderApp(`/a/${third.id}`)
    await heading(third.title)
    await user.keyboard('u')
    await screen.findByRole('heading', { level: 1, name: /^All/ }, slow)
    expect(router.state.location.pathname).toBe('/')
  })

  test('g h goes to all articles and g s to the saved ones', async () => {
    const user = userEvent.setup()
    const { router } = renderApp(`/a/${third.id}`)
    await heading(third.title)
    await user.keyboard('gh')
    await screen.findByRole('heading', { level: 1, name: /^All/ }, slow)
    await user.keyboard('gs')
    await waitFor(() => expect(router.state.location.pathname).toBe('/saved'))
  })
})

describe('Esc', { timeout: 20_000 }, () => {
  test('closes the category sheet (phones) and returns to its button', async () => {
    const { user } = await openList()
    const toggle = screen.getByRole('button', { name: /^Categories/ })
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await user.keyboard('{Escape}')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveFocus()
  })
})

describe('the help overlay', { timeout: 20_000 }, () => {
  test('? lists the keys of this view by group, and Close returns focus', async () => {
    const { user } = await openList()
    await user.keyboard('j')
    await user.keyboard('?')
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Keyboard shortcuts' },
      slow,
    )
    const lists = within(dialog).getByRole('region', { name: 'Lists' })
    expect(lists).toHaveTextContent('jNext article in the list')
    expect(lists).toHaveTextContent('o or EnterOpen the article')
    expect(
      within(dialog).getByRole('region', { name: 'Go to' }),
    ).toHaveTextContent('g then hAll articles')
    expect(within(dialog).queryByText('Next article')).toBeNull()
    // Keys inside the dialog are the dialog's.
    await user.keyboard('j')
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(titleLink(first.title)).toHaveFocus()
  })
})
