import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { requireSharedData } from '../../scripts/shared-data.ts'
import {
  mayHoldTrigger,
  stripInlineScript,
} from '../../scripts/ingest/convert/body/strip-inline-script.ts'
import { triggersIn } from '../../scripts/ingest/convert/body/triggers-in.ts'

const { xssFixtures } = requireSharedData()

describe("the ingest strip over DOMPurify's payloads", () => {
  test('no DOMPurify fixture keeps a trigger, and the result is stable', () => {
    const fixtures = JSON.parse(readFileSync(xssFixtures, 'utf8')) as {
      id: string
      payload: string
    }[]
    const dirty = fixtures.filter((f) => triggersIn(f.payload).length > 0)
    expect(dirty.length).toBeGreaterThan(50)
    for (const { id, payload } of dirty) {
      expect([id, mayHoldTrigger(payload)]).toEqual([id, true])
    }
    for (const { id, payload } of fixtures) {
      const clean = stripInlineScript(payload)
      expect([id, triggersIn(clean)]).toEqual([id, []])
      expect([id, stripInlineScript(clean)]).toEqual([id, clean])
    }
  })
})
