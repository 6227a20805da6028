import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { uint32Column } from './columns.ts'
import { SpillFile } from './spill-file.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zixun-spill-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const bytes = (text: string) => Buffer.from(text, 'utf8')
const texts = (buffers: Buffer[]) => buffers.map((b) => b.toString('utf8'))

test('a column grows past its capacity and keeps every value', () => {
  const column = uint32Column(2)
  for (let i = 0; i < 5000; i++) expect(column.push(i * 7)).toBe(i)
  expect(column.length).toBe(5000)
  expect(column.get(4999)).toBe(4999 * 7)
  column.set(3, 42)
  expect(Array.from(column.view().subarray(0, 5))).toEqual([0, 7, 14, 42, 28])
})

test('records come back as they were appended, alone, in runs and in ranges', () => {
  const spill = new SpillFile(join(dir, 'a'))
  const records = [
    '',
    '一',
    'two',
    '{"title":"标题 \\"3\\""}',
    'x'.repeat(5000),
  ]
  records.forEach((r, i) => expect(spill.append(bytes(r))).toBe(i))
  expect(spill.count).toBe(5)
  expect(spill.read(1).toString()).toBe('一')
  expect(texts(spill.readRange(0, 5))).toEqual(records)
  expect(texts(spill.readRange(2, 2))).toEqual([])
  // In file order (one read) and out of it (a read each).
  expect(texts(spill.readRun([1, 2, 4], 0, 3))).toEqual([
    records[1],
    records[2],
    records[4],
  ])
  expect(texts(spill.readRun([4, 0, 3, 1], 1, 4))).toEqual([
    records[0],
    records[3],
    records[1],
  ])
  spill.remove()
})

test('records larger than the write buffer and runs larger than a block still read back whole', () => {
  const spill = new SpillFile(join(dir, 'b'))
  const big = Buffer.alloc(3 * 1024 * 1024, 'a')
  const small = bytes('after')
  spill.append(small)
  spill.append(big)
  spill.append(small)
  const [first, middle, last] = spill.readRun([0, 1, 2], 0, 3)
  expect(first.equals(small) && middle.equals(big) && last.equals(small)).toBe(
    true,
  )
  // Reading first, then appending more, then reading again.
  spill.append(bytes('later'))
  expect(spill.read(3).toString()).toBe('later')
  expect(statSync(join(dir, 'b')).size).toBe(big.length + 15)
  spill.remove()
})

test('removing a spill deletes its file', () => {
  const spill = new SpillFile(join(dir, 'c'))
  spill.append(bytes('x'))
  spill.remove()
  expect(() => statSync(join(dir, 'c'))).toThrow()
})

test('a spill of 100,000 records reads any of them back', () => {
  const spill = new SpillFile(join(dir, 'd'))
  for (let i = 0; i < 100_000; i++) spill.append(bytes(`item ${i}`))
  expect(spill.read(99_999).toString()).toBe('item 99999')
  expect(texts(spill.readRange(50_000, 50_003))).toEqual([
    'item 50000',
    'item 50001',
    'item 50002',
  ])
  spill.remove()
})
