import { createHash } from 'node:crypto'
import { expect, test } from 'vitest'
import {
  contentHash,
  contentHasher,
  shortHash,
  shortHashOf,
  toBase32,
} from './hash.ts'

test('shortHashOf is the hash of every part followed by a zero byte', () => {
  const parts = [
    Buffer.from('head'),
    Buffer.alloc(70 * 1024, 1), // a large part
    ...Array.from({ length: 3000 }, (_, i) => Buffer.from(`item ${i} 条目`)),
  ]
  const expected = createHash('sha256')
  for (const part of parts) expected.update(part).update(Buffer.from([0]))
  const hash = shortHashOf({ count: parts.length, part: (i) => parts[i] }, 10)
  expect(hash).toBe(toBase32(expected.digest()).slice(0, 10))
  expect(shortHashOf({ count: 0, part: () => Buffer.alloc(0) })).toBe(
    toBase32(createHash('sha256').digest()).slice(0, 12),
  )
})

test('shortHash is base32 of SHA-256, URL- and file-name-safe', () => {
  expect(shortHash('abc', 12)).toMatch(/^[a-z2-7]{12}$/)
  expect(shortHash('abc')).toBe(
    toBase32(createHash('sha256').update('abc').digest()).slice(0, 12),
  )
})

test('contentHasher over pieces equals contentHash of the whole', () => {
  const hasher = contentHasher()
  for (const piece of ['{"a":', '"标题"', Buffer.from('}\n')])
    hasher.update(piece)
  expect(hasher.digest()).toBe(contentHash('{"a":"标题"}\n'))
})
