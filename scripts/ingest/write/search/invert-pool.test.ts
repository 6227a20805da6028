import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { termHash } from '../../../../src/lib/search/search-schema.ts'
import {
  encodeSearchRecord,
  readSearchRecord,
} from '../../convert/search/search-record.ts'
import { BucketSpill } from './bucket-spill.ts'
import type { InvertedBucket } from './invert-bucket.ts'
import { invertBuckets } from './invert-pool.ts'

const root = mkdtempSync(join(tmpdir(), 'zixun-invert-pool-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const TEXTS = [
  ['开源软件发布', 'Open source code ships today. 开源软件的新版本发布了'],
  ['Market news', 'The chip market grew; 芯片市场增长，数据中心需要芯片'],
  ['人工智能模型', 'AI models and data: 人工智能模型需要数据'],
  ['Rocket launch', 'A rocket launch, energy policy and 火箭发射'],
]

/** Four buckets of postings from a few articles, as pass A spills them. */
function spillOf(name: string): { spill: BucketSpill; units: Uint32Array } {
  const spill = new BucketSpill(join(root, name), 4)
  const units = new Uint32Array(TEXTS.length * 3)
  for (let docnum = 0; docnum < units.length; docnum++) {
    const [title, body] = TEXTS[docnum % TEXTS.length]
    const record = encodeSearchRecord(title, `${body} ${docnum}`)
    const read = readSearchRecord(record)
    units[docnum] = read.units
    read.visit((start, end, bodyCount, titleCount) => {
      const bucket = termHash(record, start, end) & 3
      spill.add(bucket, record, start, end, docnum, bodyCount, titleCount)
    })
  }
  spill.finish()
  return { spill, units }
}

/** A bucket's result in a form that does not depend on the order buckets finish in. */
function byShard(buckets: InvertedBucket[]) {
  const shards = buckets.flatMap((b) => b.shards).sort((a, b) => a.n - b.n)
  const words = buckets
    .flatMap((b) => (b.words ? b.words.split('\n') : []))
    .sort()
  return { shards, words, terms: buckets.reduce((n, b) => n + b.terms, 0) }
}

test('worker threads invert the buckets into the same shards as this thread', async () => {
  const here = spillOf('here')
  const there = spillOf('there')
  const context = (units: Uint32Array) => ({
    bits: 4,
    units,
    avgUnits: 16,
    topTier: 2,
  })
  const inThread: InvertedBucket[] = []
  await invertBuckets(here.spill, context(here.units), 0, (b) =>
    inThread.push(b),
  )
  const inWorkers: InvertedBucket[] = []
  await invertBuckets(there.spill, context(there.units), 2, (b) =>
    inWorkers.push(b),
  )
  expect(inWorkers).toHaveLength(4)
  const expected = byShard(inThread)
  expect(expected.terms).toBeGreaterThan(20)
  expect(expected.words).toContain('rocket')
  expect(byShard(inWorkers)).toEqual(expected)
  expect(inWorkers.flatMap((b) => b.tiers).length).toBeGreaterThan(0)
})

test('an error while writing a bucket reaches the caller', async () => {
  const { spill, units } = spillOf('failing')
  const context = { bits: 4, units, avgUnits: 16 }
  await expect(
    invertBuckets(spill, context, 2, () => {
      throw new Error('disk full')
    }),
  ).rejects.toThrow('disk full')
})
