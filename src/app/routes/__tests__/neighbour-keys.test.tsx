import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { articleQueries } from '@/features/articles/api/article-queries'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { dataFiles, server } from '@/testing/mocks/server'
import { renderApp } from '@/testing/render-app'

/** Route chunks load lazily; a busy machine can take seconds. */
const slow = { timeout: 10_000 }
const [, second, third] = fixtureArticles

/** Holds the article file of `id` until the returned function is called. */
function holdArticle(id: string): () => void {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  server.use(
    http.get(`*/data/articles/${id}.json`, async () => {
      await released
      return HttpResponse.json(
        dataFiles[`articles/${id}.json`] as Record<string, unknown>,
      )
    }),
  )
  return release
}

describe('n and p while the next article loads', { timeout: 20_000 }, () => {
  test('a key pressed before the new article is on screen does not act on the old one’s neighbours', async () => {
    const user = userEvent.setup()
    const { router, queryClient } = renderApp('/')
    await screen.findByRole('heading', { level: 1, name: /^All/ }, slow)
    await user.keyboard('jjo')
    await screen.findByRole('heading', { level: 1, name: second.title }, slow)
    await screen.findByRole('link', { name: /Previous/ }, slow)
    await screen.findByRole('link', { name: /Next/ }, slow)

    // The next article is slow to come: the current one stays on screen.
    queryClient.removeQueries({
      queryKey: articleQueries.detail(third.id).queryKey,
    })
    const release = holdArticle(third.id)
    await user.keyboard('n')
    await waitFor(() => expect(router.state.navigation.state).toBe('loading'))
    expect(
      screen.getByRole('heading', { level: 1, name: second.title }),
    ).toBeInTheDocument()
    // Meant for the article being opened; its neighbours are not known yet.
    await user.keyboard('p')
    release()

    await screen.findByRole('heading', { level: 1, name: third.title }, slow)
    expect(router.state.location.pathname).toBe(`/a/${third.id}`)
    // Once its own neighbours are shown, p goes one back.
    await waitFor(() =>
      expect(screen.getByRole('link', { name: /Previous/ })).toHaveAttribute(
        'href',
        `/a/${second.id}`,
      ),
    )
    await user.keyboard('p')
    await screen.findByRole('heading', { level: 1, name: second.title }, slow)
    expect(router.state.location.pathname).toBe(`/a/${second.id}`)
  })
})
