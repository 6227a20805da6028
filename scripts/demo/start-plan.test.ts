import { describe, expect, test } from 'vitest'
import { parseStartArgs, planStart } from './start-plan.ts'

const kinds = (...args: Parameters<typeof planStart>) =>
  planStart(...args).map((step) =>
    step.kind === 'run' ? step.args.join(' ') : step.kind,
  )

describe('planStart', () => {
  test('with no data: generate, ingest the demo corpus, build', () => {
    expect(
      kinds({ hasManifest: false, hasDemoImages: false, rebuildData: false }),
    ).toEqual([
      'demo-corpus',
      'scripts/ingest/bin.mjs --input .cache/demo-posts --out public/data',
      'run build',
    ])
  })

  test('with data and images: only build', () => {
    expect(
      kinds({ hasManifest: true, hasDemoImages: true, rebuildData: false }),
    ).toEqual(['run build'])
  })

  test('with data but no images: regenerate the images only', () => {
    expect(
      kinds({ hasManifest: true, hasDemoImages: false, rebuildData: false }),
    ).toEqual(['demo-images', 'run build'])
  })

  test('--rebuild-data regenerates even when data exists', () => {
    expect(
      kinds({ hasManifest: true, hasDemoImages: true, rebuildData: true }),
    ).toEqual([
      'demo-corpus',
      'scripts/ingest/bin.mjs --input .cache/demo-posts --out public/data',
      'run build',
    ])
  })
})

describe('parseStartArgs', () => {
  test.each([
    [[], { rebuildData: false, help: false }],
    [['--rebuild-data'], { rebuildData: true, help: false }],
    [['--help'], { rebuildData: false, help: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseStartArgs(argv)).toEqual(expected)
  })

  test('rejects unknown options', () => {
    expect(() => parseStartArgs(['--port=80'])).toThrow(/Unknown option/)
  })
})
