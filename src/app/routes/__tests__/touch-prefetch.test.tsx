import { screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { server } from '@/testing/mocks/server'
import { renderApp } from '@/testing/render-app'

/** Route chunks load lazily; a busy machine can take seconds. */
const slow = { timeout: 10_000 }

// A phone: no hover, and every observed card is on screen.
beforeEach(() => {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(hover: none)',
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }))
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      callback: IntersectionObserverCallback
      constructor(callback: IntersectionObserverCallback) {
        this.callback = callback
      }
      observe(target: Element) {
        this.callback(
          [{ isIntersecting: true, target } as IntersectionObserverEntry],
          this as unknown as IntersectionObserver,
        )
      }
      disconnect() {}
    },
  )
})

afterEach(() => {
  vi.unstubAllGlobals()
  server.events.removeAllListeners()
})

test(
  'on a touch screen, articles are fetched as their cards come into view',
  { timeout: 20_000 },
  async () => {
    const seen: string[] = []
    server.events.on('request:start', ({ request }) => {
      seen.push(new URL(request.url).pathname)
    })
    renderApp('/')
    await screen.findAllByRole('article', {}, slow)
    await waitFor(() =>
      expect(seen).toEqual(
        expect.arrayContaining([
          '/data/articles/fixture-1.json',
          '/data/articles/fixture-2.json',
        ]),
      ),
    )
  },
)
