import { describe, expect, test } from 'vitest'
import { fixtureArticles } from '@/testing/fixtures/articles'
import type { StoredState } from './backend'
import { scopeOf, toReadTarget } from './read-scopes'
import {
  buildSavedFeed,
  buildStateFile,
  mergeStates,
  parseStateFile,
  type StateImport,
} from './state-file'

const [first, second] = fixtureArticles
const { content_html: _body, ...card } = second

const state: StoredState = {
  read: [toReadTarget(first)],
  unread: [],
  watermarks: [[scopeOf(['编程']), Date.UTC(2026, 10, 1)]],
  tally: [[scopeOf(['编程']), 12]],
  saved: [{ id: second.id, savedAt: Date.UTC(2026, 10, 21), summary: card }],
  reset: [],
}

function exported(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    ...buildStateFile(state, { 'zixun:theme': 'dark' }, new Date(0)),
    ...overrides,
  })
}

function accepted(text: string): StateImport {
  const result = parseStateFile(text)
  if ('reason' in result) throw new Error(`refused: ${JSON.stringify(result)}`)
  return result
}

describe('the exported state file', () => {
  test('reads back as exactly what was exported', () => {
    const back = accepted(exported())
    expect(back.state).toEqual(state)
    expect(back.settings).toEqual({ 'zixun:theme': 'dark' })
  })

  test('carries the saved articles as a JSON Feed 1.1', () => {
    const file = JSON.parse(exported())
    expect(file.saved.version).toBe('https://jsonfeed.org/version/1.1')
    expect(file.saved.items[0]).toMatchObject({
      id: second.id,
      title: second.title,
      _zixun: { saved_at: '2026-11-21T00:00:00.000Z' },
    })
  })

  test('a saved-articles feed alone imports as saved articles', () => {
    const back = accepted(JSON.stringify(buildSavedFeed(state.saved)))
    expect(back.state.saved).toEqual(state.saved)
    expect(back.state.read).toEqual([])
  })

  test.each([
    ['not JSON', '{"format": ', { reason: 'not-json' }],
    ['another program’s JSON', '{"hello": 1}', { reason: 'not-zixun' }],
    ['a list', '[1, 2]', { reason: 'not-zixun' }],
    ['a newer version', exported({ version: 2 }), { reason: 'newer' }],
    [
      'a read mark with a bad id',
      exported({
        read: {
          articles: [
            {
              id: '../x',
              date_published: '2026-01-01T00:00:00Z',
              categories: [],
            },
          ],
        },
      }),
      { reason: 'invalid', what: 'read.articles[0]' },
    ],
    [
      'a saved item without a title',
      exported({
        saved: { items: [{ id: 'a', date_published: '2026-01-01T00:00:00Z' }] },
      }),
      { reason: 'invalid', what: 'saved.items[0]' },
    ],
    [
      'a setting outside the zixun: keys',
      exported({ settings: { token: 'x' } }),
      { reason: 'invalid', what: 'settings["token"]' },
    ],
    ['an empty feed', JSON.stringify(buildSavedFeed([])), { reason: 'empty' }],
  ])('is refused with the reason when it is %s', (_what, text, refusal) => {
    expect(parseStateFile(text)).toEqual(refusal)
  })

  test('is rebuilt field by field: unsafe links and unknown fields go', () => {
    const hostile = {
      ...card,
      image: 'javascript:alert(1)',
      external_url: 'data:text/html,<script>alert(1)</script>',
      content_html: '<img src=x onerror=alert(1)>',
      url: 'https://evil.example/',
      extra: { nested: true },
      title: `  ${'长'.repeat(5000)}  `,
    }
    const back = accepted(
      JSON.stringify(
        buildSavedFeed([{ id: card.id, savedAt: 1, summary: hostile }]),
      ),
    )
    const [saved] = back.state.saved
    expect(saved.summary.image).toBeUndefined()
    expect(saved.summary.external_url).toBeUndefined()
    expect(saved.summary).not.toHaveProperty('content_html')
    expect(saved.summary).not.toHaveProperty('extra')
    expect(saved.summary.url).toBe(`/a/${card.id}`)
    expect(saved.summary.title.length).toBe(2000)
  })

  test('merges into what is here: union of marks, later watermark, later save', () => {
    const here: StoredState = {
      ...state,
      read: [toReadTarget(second)],
      watermarks: [[scopeOf(['编程']), Date.UTC(2026, 10, 5)]],
      saved: [{ ...state.saved[0], savedAt: 1 }],
    }
    const merged = mergeStates(here, state)
    expect(merged.read.map((t) => t.id).sort()).toEqual(
      [first.id, second.id].sort(),
    )
    expect(merged.watermarks).toEqual([
      [scopeOf(['编程']), Date.UTC(2026, 10, 5)],
    ])
    expect(merged.saved[0].savedAt).toBe(Date.UTC(2026, 10, 21))
  })
})
