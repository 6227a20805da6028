// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { findScriptResidue } from '../../src/testing/find-script-residue.ts'
import {
  sanitizeArticleHtml,
  sanitizeArticleHtmlToString,
} from '../../src/lib/sanitize.ts'
import { requireSharedData } from '../../scripts/shared-data.ts'

/**
 * DOMPurify's own test fixtures (223 payloads, shared by the team, see
 * xss/SOURCE.md in the shared folder), read in place and never copied here.
 */
const FIXTURES_PATH = requireSharedData().xssFixtures

type Fixture = { id: string; title: string | null; payload: string }

const fixtures = JSON.parse(readFileSync(FIXTURES_PATH, 'utf8')) as Fixture[]

describe('DOMPurify fixtures through our policy', () => {
  test('the fixture file holds all 223 upstream payloads', () => {
    expect(fixtures).toHaveLength(223)
  })

  test.each(fixtures)('$id leaves nothing script-capable', ({ payload }) => {
    const container = document.createElement('div')
    container.replaceChildren(sanitizeArticleHtml(payload))
    expect(findScriptResidue(container)).toEqual([])
    expect(
      findScriptResidue(parse(sanitizeArticleHtmlToString(payload))),
    ).toEqual([])
  })

  test.each(fixtures)('$id is idempotent', ({ payload }) => {
    const once = sanitizeArticleHtmlToString(payload)
    expect(sanitizeArticleHtmlToString(once)).toBe(once)
  })

  test('most payloads keep some harmless content', () => {
    const emptied = fixtures.filter(
      ({ payload }) => sanitizeArticleHtmlToString(payload).trim() === '',
    )
    console.info(
      `${emptied.length}/${fixtures.length} fixtures sanitise to nothing:`,
      emptied.map(({ id }) => id).join(' '),
    )
    expect(emptied.length).toBeLessThan(fixtures.length / 2)
  })
})

/** Parses test output in an inert template (jsdom; never the app's way). */
function parse(html: string): DocumentFragment {
  const template = document.createElement('template')
  template.innerHTML = html
  return template.content
}
