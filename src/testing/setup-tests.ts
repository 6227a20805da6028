import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { server } from './mocks/server'

// Route tests wait for lazy modules and loaders; a loaded CI machine is slow.
configure({ asyncUtilTimeout: 5000 })

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  // jsdom does not scroll; ScrollRestoration calls this on every navigation.
  window.scrollTo = () => {}
  // Nor does it scroll elements into view (the list's j/k do).
  Element.prototype.scrollIntoView = () => {}
})

// A console.error in a test is a bug the test did not ask for (Epic Stack).
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(' ')}`)
  })
})

afterEach(() => {
  cleanup()
  server.resetHandlers()
  // Views save their place when they unmount: each test starts a new tab.
  sessionStorage.clear()
})

afterAll(() => server.close())
