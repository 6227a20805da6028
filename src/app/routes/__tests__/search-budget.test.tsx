import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test, vi } from 'vitest'
import type * as Engine from '@/lib/search/engine'
import { renderApp } from '@/testing/render-app'
import { searchStatus } from '@/testing/search-status'

vi.setConfig({ testTimeout: 20_000 })

/**
 * The engine as it is, except that its first call stops at the read budget
 * with nothing found (as a phrase of common words, rare together, does on
 * a large corpus): the page must say so and go on when asked.
 */
vi.mock('@/lib/search/engine', async (importOriginal) => {
  const real = await importOriginal<typeof Engine>()
  const start = real.Search.start.bind(real.Search)
  real.Search.start = async (...args) => {
    const search = await start(...args)
    const next = search.next.bind(search)
    let calls = 0
    Object.defineProperty(search, 'paused', { get: () => calls === 1 })
    Object.defineProperty(search, 'checked', { get: () => 24 })
    search.next = async (count, budget) => {
      calls++
      return calls === 1 ? [] : next(count, budget)
    }
    return search
  }
  return real
})

describe('a search that stops at its read budget', () => {
  test('says how many articles it checked, and "Search further" goes on', async () => {
    const user = userEvent.setup()
    renderApp('/search?q=body')
    const more = await screen.findByRole(
      'button',
      { name: 'Search further' },
      { timeout: 10_000 },
    )
    // The count the index knows stands; the list says the engine paused.
    expect(
      screen.getByText('Still looking: 24 articles checked so far.'),
    ).toBeInTheDocument()
    expect(screen.queryByText(/Nothing found/)).toBeNull()
    expect(screen.queryAllByRole('article')).toHaveLength(0)
    await user.click(more)
    await waitFor(() => expect(searchStatus()).toHaveTextContent('4 results'))
    const cards = screen.getAllByRole('article')
    expect(cards).toHaveLength(4)
    expect(
      within(cards[0]).getByText('Body', { selector: 'mark' }),
    ).toBeTruthy()
  })
})
