import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { InputCache, InputCacheWriter } from './input-cache.ts'
import type { InputTask } from './read-input.ts'
import type { TaskResult } from './run-task.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zixun-input-cache-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const task = (n: number): InputTask => ({
  path: `/posts/新媒体/第 ${n} 篇\t"quoted".md`,
  file: `posts/第 ${n} 篇.md`,
  relPath: `新媒体/第 ${n} 篇\t"quoted".md`,
  size: 100 + n,
  mtimeMs: 1_700_000_000_000.5 + n,
})

const result = (n: number): TaskResult => [
  {
    id: `id-${n}`,
    dateMs: n,
    notes: [],
    paths: [['新媒体', `站点 ${n}`]],
    itemBytes: Buffer.from(JSON.stringify({ title: `标题 ${n}\n` })),
    file: task(n).file,
    ok: true,
    articleHash: `hash-${n}`,
    written: true,
    onDisk: true,
  },
  { file: `${task(n).file}#2`, ok: false, reason: 'bad', line: 3 },
]

test('results come back for unchanged inputs, also across chunk boundaries', () => {
  const path = join(dir, 'cache.inputs')
  const writer = new InputCacheWriter(path, 'key')
  for (let n = 0; n < 20; n++) writer.add(task(n), result(n))
  writer.finish()
  for (const chunk of [1 << 20, 64, 7]) {
    const cache = InputCache.load(path, 'key', chunk)!
    for (let n = 0; n < 20; n++) {
      const back = cache.get(task(n))!
      expect(back[1]).toEqual(result(n)[1])
      const first = back[0] as Extract<TaskResult[number], { ok: true }>
      expect(first.written).toBe(false)
      expect(Buffer.from(first.itemBytes).toString()).toBe(
        JSON.stringify({ title: `标题 ${n}\n` }),
      )
      expect(first.paths).toEqual([['新媒体', `站点 ${n}`]])
    }
    cache.close()
  }
})

test('a changed file, another key or another relative path is a miss', () => {
  const path = join(dir, 'cache.inputs')
  const writer = new InputCacheWriter(path, 'key')
  writer.add(task(1), result(1))
  writer.finish()
  const cache = InputCache.load(path, 'key')!
  expect(cache.get({ ...task(1), mtimeMs: 1 })).toBeUndefined()
  expect(cache.get({ ...task(1), size: 1 })).toBeUndefined()
  expect(cache.get({ ...task(1), relPath: 'x.md' })).toBeUndefined()
  expect(cache.get(task(2))).toBeUndefined()
  cache.close()
  expect(InputCache.load(path, 'other key')).toBeUndefined()
  expect(InputCache.load(join(dir, 'missing'), 'key')).toBeUndefined()
})
