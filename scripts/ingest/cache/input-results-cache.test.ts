import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { contentHash } from '../shared/hash.ts'
import {
  InputResultsCache,
  InputResultsCacheWriter,
  pathHash,
} from './input-results-cache.ts'
import type { InputTask } from '../read/input-types.ts'
import type { TaskResult } from '../workers/run-task.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zixun-input-results-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const task = (n: number): InputTask => ({
  path: `/posts/新媒体/第 ${n} 篇\t"quoted".md`,
  file: `posts/第 ${n} 篇.md`,
  relPath: `新媒体/第 ${n} 篇\t"quoted".md`,
  size: 100 + n,
  mtimeMs: 1_700_000_000_000.5 + n,
  contentHash: `content-${n}`,
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
  const writer = new InputResultsCacheWriter(path, 'key')
  for (let n = 0; n < 20; n++) writer.add(task(n), result(n))
  writer.finish()
  for (const chunk of [1 << 20, 64, 7]) {
    const cache = InputResultsCache.load(path, 'key', chunk)!
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

test('a changed file, another key, relative path or report name is a miss', () => {
  const path = join(dir, 'cache.inputs')
  const writer = new InputResultsCacheWriter(path, 'key')
  writer.add(task(1), result(1))
  writer.finish()
  const cache = InputResultsCache.load(path, 'key')!
  expect(cache.get({ ...task(1), mtimeMs: 1 })).toBeUndefined()
  expect(cache.get({ ...task(1), size: 1 })).toBeUndefined()
  expect(cache.get({ ...task(1), relPath: 'x.md' })).toBeUndefined()
  // The same file under another set of roots has another report name.
  expect(cache.get({ ...task(1), file: 'other/x.md' })).toBeUndefined()
  expect(cache.get(task(2))).toBeUndefined()
  cache.close()
  expect(InputResultsCache.load(path, 'other key')).toBeUndefined()
  expect(InputResultsCache.load(join(dir, 'missing'), 'key')).toBeUndefined()
})

test('a file with a new time but the same bytes is a hit; other bytes of the same size a miss', () => {
  const file = join(dir, 'post.md')
  writeFileSync(file, 'same bytes')
  const onDisk: InputTask = {
    path: file,
    file: 'post.md',
    relPath: 'post.md',
    size: 10,
    mtimeMs: 1,
    contentHash: contentHash(Buffer.from('same bytes')),
  }
  const path = join(dir, 'cache.inputs')
  const writer = new InputResultsCacheWriter(path, 'key')
  writer.add(onDisk, result(1))
  writer.finish()
  const cache = InputResultsCache.load(path, 'key')!
  const touched: InputTask = { ...onDisk, mtimeMs: 2, contentHash: undefined }
  expect(cache.get(touched)?.[1]).toEqual(result(1)[1])
  expect(touched.contentHash).toBe(onDisk.contentHash)
  writeFileSync(file, 'other byte')
  expect(cache.get({ ...onDisk, mtimeMs: 3 })).toBeUndefined()
  // Same size and time: trusted without reading, as make and git do.
  expect(cache.get(onDisk)).toBeDefined()
  cache.close()
})

test('a file that was never read (no content hash) is not cached', () => {
  const path = join(dir, 'cache.inputs')
  const writer = new InputResultsCacheWriter(path, 'key')
  writer.add({ ...task(1), contentHash: undefined }, result(1))
  writer.finish()
  expect(InputResultsCache.load(path, 'key')?.get(task(1))).toBeUndefined()
})

test('paths that share the index hash each find their own result', () => {
  const seen = new Map<number, string>()
  let pair: [string, string] | undefined
  for (let n = 0; !pair; n++) {
    const candidate = `/posts/第 ${n} 篇.md`
    const other = seen.get(pathHash(candidate))
    if (other) pair = [other, candidate]
    else seen.set(pathHash(candidate), candidate)
  }
  const third = [...seen.values()].find((p) => !pair!.includes(p))!
  const tasks = [...pair, third].map((p, n) => ({ ...task(n), path: p }))
  const path = join(dir, 'cache.inputs')
  const writer = new InputResultsCacheWriter(path, 'key')
  tasks.forEach((t, n) => writer.add(t, result(n)))
  writer.finish()
  const cache = InputResultsCache.load(path, 'key')!
  tasks.forEach((t, n) => expect(cache.get(t)?.[1]).toEqual(result(n)[1]))
  expect(cache.get({ ...tasks[0], path: '/posts/none.md' })).toBeUndefined()
  cache.close()
})
