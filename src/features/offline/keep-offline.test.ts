import { expect, test } from 'vitest'
import { report } from './keep-offline'
import { readOfflineState, updateOfflineState } from './offline-state'

test('no worker (none in this browser, or blocked): nothing kept, and no failure told', () => {
  updateOfflineState({ keepFailed: 0 })
  expect(report(undefined, 2, 2)).toEqual({ kept: 0, failed: 0, evicted: 0 })
  expect(readOfflineState().keepFailed).toBe(0)
})

test('articles that never reached the worker are failures, and told', () => {
  updateOfflineState({ keepFailed: 0 })
  const reply = { kept: 1, failed: 0, evicted: 0 }
  expect(report(reply, 2, 1)).toEqual({ kept: 1, failed: 1, evicted: 0 })
  expect(readOfflineState().keepFailed).toBe(1)
})
