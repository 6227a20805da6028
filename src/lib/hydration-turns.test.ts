import { afterEach, beforeEach, expect, test, vi } from 'vitest'

/** The module afresh: what it measured in one test must not size another's turns. */
async function freshTurns() {
  vi.resetModules()
  return import('./hydration-turns')
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] })
})
afterEach(() => {
  vi.useRealTimers()
})

test('parts switch in later tasks: one in the first turn, then as many as the budget fits', async () => {
  const { waitForTurn } = await freshTurns()
  const switched: number[] = []
  const turns = Array.from({ length: 12 }, (_, i) =>
    waitForTurn(() => switched.push(i)),
  )
  // Not in the task that queued them.
  expect(switched).toEqual([])
  await vi.advanceTimersToNextTimerAsync()
  expect(switched).toEqual([0])
  // The next turn waits for this one's commit, which took 2 ms.
  await vi.advanceTimersByTimeAsync(2)
  expect(switched).toEqual([0])
  turns[0].committed()
  await vi.advanceTimersToNextTimerAsync()
  // 8 ms of budget at 2 ms a part.
  expect(switched).toEqual([0, 1, 2, 3, 4])
  await vi.advanceTimersByTimeAsync(16)
  for (const turn of turns.slice(1, 5)) turn.committed()
  await vi.advanceTimersToNextTimerAsync()
  // 4 ms a part now: two at a time.
  expect(switched).toEqual([0, 1, 2, 3, 4, 5, 6])
})

test('a part that leaves before its turn never switches; one that leaves during it ends its share', async () => {
  const { waitForTurn } = await freshTurns()
  const switched: string[] = []
  const first = waitForTurn(() => switched.push('first'))
  const gone = waitForTurn(() => switched.push('gone'))
  waitForTurn(() => switched.push('last'))
  gone.leave()
  await vi.advanceTimersToNextTimerAsync()
  expect(switched).toEqual(['first'])
  // Unmounted before it committed: the queue goes on all the same.
  first.leave()
  await vi.advanceTimersToNextTimerAsync()
  expect(switched).toEqual(['first', 'last'])
})

test('a turn switches at most 64 parts, however cheap they are', async () => {
  const { waitForTurn } = await freshTurns()
  let switched = 0
  const turns = Array.from({ length: 200 }, () =>
    waitForTurn(() => (switched += 1)),
  )
  await vi.advanceTimersToNextTimerAsync()
  turns[0].committed()
  await vi.advanceTimersToNextTimerAsync()
  expect(switched).toBe(1 + 64)
})
