import { beforeEach, vi } from 'vitest'

// As in the reader's suite: a console.error is a bug the test did not ask for.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(' ')}`)
  })
})
