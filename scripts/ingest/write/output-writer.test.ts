import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { OutputWriter } from './output-writer.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true })
})

function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zixun-writer-'))
  dirs.push(dir)
  return dir
}

test('keeping a folder counts its files, not the notes beside them', () => {
  const dir = outDir()
  const first = new OutputWriter(dir)
  first.write('search/index.json', '{}')
  first.write('search/s/0.ab.bin', 'x')
  first.note('search/.source', 'key')
  const second = new OutputWriter(dir, first.hashes)
  expect(second.keepPrevious('search/')).toBe(2)
  expect(second.unchanged).toBe(2)
  expect(second.previousHash('search/.source')).toBe('key')
  expect(second.hashes.get('search/.source')).toBe('key')
})

test('a note must be named as one', () => {
  expect(() => new OutputWriter(outDir()).note('search/source', 'k')).toThrow(
    /starts with a dot/,
  )
})
