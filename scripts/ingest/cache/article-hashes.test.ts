import { expect, test } from 'vitest'
import { ArticleHashes } from './article-hashes.ts'
import { pathHash } from './input-results-cache.ts'

test('finds every id it was given, across growth, and nothing else', () => {
  const hashes = new ArticleHashes()
  const ids = Array.from({ length: 5000 }, (_, i) => `a${i.toString(36)}`)
  ids.forEach((id, i) => hashes.set(id, `h${i}-${'x'.repeat(i % 25)}`))
  expect(hashes.size).toBe(5000)
  ids.forEach((id, i) =>
    expect(hashes.get(id)).toBe(`h${i}-${'x'.repeat(i % 25)}`),
  )
  expect(hashes.get('a-missing')).toBeUndefined()
  expect(hashes.get('')).toBeUndefined()
})

test('ids in any script, and ids whose hashes share a slot, stay apart', () => {
  const hashes = new ArticleHashes()
  const seen = new Map<number, string>()
  let pair: [string, string] | undefined
  for (let i = 0; !pair; i++) {
    const id = `id-${i}`
    const other = seen.get(pathHash(id) & 1023)
    if (other) pair = [other, id]
    else seen.set(pathHash(id) & 1023, id)
  }
  hashes.set(pair[0], 'first')
  hashes.set(pair[1], 'second')
  hashes.set('新闻/文章 1', '哈希')
  expect(hashes.get(pair[0])).toBe('first')
  expect(hashes.get(pair[1])).toBe('second')
  expect(hashes.get('新闻/文章 1')).toBe('哈希')
})

test('a repeated id keeps its first hash', () => {
  const hashes = new ArticleHashes()
  hashes.set('a', 'one')
  hashes.set('a', 'two')
  expect(hashes.get('a')).toBe('one')
  expect(hashes.size).toBe(1)
})
