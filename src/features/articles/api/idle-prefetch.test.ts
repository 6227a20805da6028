import { describe, expect, test } from 'vitest'
import {
  createIdlePrefetcher,
  FAST_CONCURRENCY,
  MAX_WAITING_VIEWS,
  SLOW_CONCURRENCY,
  type PrefetchConnection,
} from './idle-prefetch'

/** A prefetcher whose idle moment and fetches the test releases by hand. */
function setup(connection: PrefetchConnection = {}) {
  let becomeIdle!: () => void
  const idle = new Promise<void>((resolve) => (becomeIdle = resolve))
  const started: string[] = []
  const finish = new Map<string, (ok: boolean) => void>()
  const prefetcher = createIdlePrefetcher({
    idle: () => idle,
    connection: () => connection,
    fetch: (id) => {
      started.push(id)
      return new Promise((resolve, reject) =>
        finish.set(id, (ok) => (ok ? resolve(id) : reject(new Error(id)))),
      )
    },
  })
  const settle = () => new Promise((resolve) => setTimeout(resolve))
  return { prefetcher, started, finish, becomeIdle, settle }
}

const ids = (n: number, prefix = 'a') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`)

describe('the idle prefetcher', () => {
  test('drops what still waits when cleared (the reader left the list)', async () => {
    const { prefetcher, started, finish, becomeIdle, settle } = setup({
      effectiveType: '3g',
    })
    for (const id of ids(4)) prefetcher.request(id, 'view')
    becomeIdle()
    await settle()
    expect(started).toEqual(['a1', 'a2'])
    prefetcher.clear()
    finish.get('a1')!(true)
    finish.get('a2')!(true)
    await settle()
    expect(started).toEqual(['a1', 'a2'])
    expect(prefetcher.request('a3', 'intent')).toBe(true)
    await settle()
    expect(started).toEqual(['a1', 'a2', 'a3'])
  })

  test('fetches nothing before the first screen is idle', async () => {
    const { prefetcher, started, becomeIdle, settle } = setup()
    prefetcher.request('a1', 'intent')
    await settle()
    expect(started).toEqual([])
    becomeIdle()
    await settle()
    expect(started).toEqual(['a1'])
  })

  test('on a slow connection fetches two at a time, the reader’s intent first', async () => {
    const { prefetcher, started, finish, becomeIdle, settle } = setup({
      effectiveType: '3g',
    })
    for (const id of ids(4)) prefetcher.request(id, 'view')
    prefetcher.request('hovered', 'intent')
    becomeIdle()
    await settle()
    expect(started).toEqual(['hovered', 'a1'])
    expect(SLOW_CONCURRENCY).toBe(2)
    finish.get('hovered')!(true)
    await settle()
    expect(started).toEqual(['hovered', 'a1', 'a2'])
  })

  test('on a fast connection fetches more at a time, each article once', async () => {
    const { prefetcher, started, becomeIdle, settle } = setup({
      effectiveType: '4g',
    })
    for (const id of [...ids(6), 'a1', 'a2']) prefetcher.request(id, 'view')
    becomeIdle()
    await settle()
    expect(started).toEqual(ids(FAST_CONCURRENCY))
  })

  test('with saveData, fetches only what the reader points at', async () => {
    const { prefetcher, started, becomeIdle, settle } = setup({
      saveData: true,
    })
    expect(prefetcher.request('seen', 'view')).toBe(false)
    expect(prefetcher.request('hovered', 'intent')).toBe(true)
    becomeIdle()
    await settle()
    expect(started).toEqual(['hovered'])
  })

  test('keeps only the newest cards in view waiting, and retries a failed fetch later', async () => {
    const { prefetcher, started, finish, becomeIdle, settle } = setup({
      effectiveType: '2g',
    })
    for (const id of ids(2 + MAX_WAITING_VIEWS + 3)) {
      prefetcher.request(id, 'view')
    }
    becomeIdle()
    await settle()
    // Only the newest MAX_WAITING_VIEWS waited: a1-a5 were pushed out.
    expect(started).toEqual(['a6', 'a7'])
    finish.get('a6')!(false)
    finish.get('a7')!(true)
    await settle()
    expect(started).toEqual(['a6', 'a7', 'a8', 'a9'])
    // Failed and pushed-out articles can be asked for again; fetched ones not.
    expect(prefetcher.request('a6', 'view')).toBe(true)
    expect(prefetcher.request('a1', 'view')).toBe(true)
    expect(prefetcher.request('a7', 'view')).toBe(false)
  })
})
