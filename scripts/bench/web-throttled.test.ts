import { expect, test } from 'vitest'
import { blockingAfter } from './web-throttled.ts'

test('blocking counts what each long task spends after FCP, less 50 ms', () => {
  // Before FCP: nothing; across it: the part after, less 50; after: the rest over 50.
  expect(blockingAfter(500, [[100, 200]])).toBe(0)
  expect(blockingAfter(500, [[400, 250]])).toBe(100)
  expect(blockingAfter(500, [[400, 120]])).toBe(0)
  expect(blockingAfter(500, [[900, 80]])).toBe(30)
  expect(
    blockingAfter(500, [
      [400, 250],
      [900, 80],
      [1200, 50],
    ]),
  ).toBe(130)
})
