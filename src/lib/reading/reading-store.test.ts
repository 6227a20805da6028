import { openDB } from 'idb'
import { describe, expect, test, vi } from 'vitest'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { createTestReadingStore } from '@/testing/reading-store'
import { StorageUnavailableError, type ReadingBackend } from './backend'
import { DB_NAME, DB_VERSION, openIdbBackend } from './idb-backend'
import { MemoryBackend } from './memory-backend'
import { ALL_SCOPE, scopeOf } from './read-scopes'

const [first, second, third] = fixtureArticles

/** A summary of a fixture, as list pages carry it. */
function summary(n: number) {
  const { content_html: _body, ...rest } = fixtureArticles[n]
  return rest
}

/** Writes raw records, as a damaged or foreign database would hold them. */
async function writeRaw(
  records: { store: string; key?: string; value: unknown }[],
) {
  const probe = await openIdbBackend()
  probe.close()
  const db = await openDB(DB_NAME, DB_VERSION)
  for (const { store, key, value } of records) {
    await db.put(store as 'meta', value, key)
  }
  db.close()
}

describe('the reading store', () => {
  test('keeps read marks and saved articles for the next visit', async () => {
    const tab = createTestReadingStore()
    await tab.ready()
    tab.setRead(first, true)
    tab.setSaved(second, true)
    await tab.flush()
    tab.close()

    const later = createTestReadingStore()
    await later.ready()
    expect(later.isRead(first)).toBe(true)
    expect(later.isRead(second)).toBe(false)
    expect(later.savedArticles().map((a) => a.id)).toEqual([second.id])
    expect(later.savedArticles()[0].summary).toEqual(summary(1))
    expect(later.notice).toBeNull()
  })

  test('saves the card, not the body, of an article', async () => {
    const tab = createTestReadingStore()
    await tab.ready()
    tab.setSaved(first, true)
    const [saved] = tab.savedArticles()
    expect(saved.summary).not.toHaveProperty('content_html')
    expect(saved.summary.title).toBe(first.title)
  })

  test('holds 50,000 read marks and loads them back in a few chunks', async () => {
    const tab = createTestReadingStore()
    await tab.ready()
    const base = Date.UTC(2024, 0, 1)
    const articles = Array.from({ length: 50_000 }, (_, i) => ({
      id: `bulk-${i}`,
      date_published: new Date(base + i * 3_600_000).toISOString(),
      _zixun: { categories: [['科技', i % 2 ? 'A' : 'B']] },
    }))
    tab.markAllRead(articles as never)
    await tab.flush()
    tab.close()

    const later = createTestReadingStore()
    await later.ready()
    expect(later.isRead(articles[0] as never)).toBe(true)
    expect(later.isRead(articles[49_999] as never)).toBe(true)
    expect(later.unreadIn(ALL_SCOPE, 50_010)).toBe(10)
    expect(later.unreadIn(scopeOf(['科技', 'A']), 25_000)).toBe(0)
    const db = await openDB(DB_NAME, DB_VERSION)
    expect(await db.count('read')).toBeLessThan(100)
    db.close()
  })

  test('resets damaged records with a notice, keeping the rest, never throwing', async () => {
    const tab = createTestReadingStore()
    await tab.ready()
    tab.setRead(first, true)
    tab.setSaved(second, true)
    await tab.flush()
    tab.close()
    await writeRaw([
      { store: 'read', key: '1999-01', value: { ids: ['x'], dates: 'no' } },
      { store: 'meta', key: 'marks', value: 'garbage' },
      { store: 'saved', value: { id: 'bad id!', savedAt: 'yesterday' } },
    ])

    const later = createTestReadingStore()
    await later.ready()
    expect(later.notice).toBe('damaged')
    expect(later.isRead(first)).toBe(true)
    expect(later.savedArticles().map((a) => a.id)).toEqual([second.id])
    later.close()

    const again = createTestReadingStore()
    await again.ready()
    expect(again.notice).toBeNull()
  })

  test('resets data of an older format with a notice', async () => {
    await writeRaw([
      { store: 'meta', key: 'format', value: { version: 0 } },
      { store: 'read', key: '2026-11', value: ['an', 'old', 'shape'] },
    ])
    const tab = createTestReadingStore()
    await tab.ready()
    expect(tab.notice).toBe('old-format')
    expect(tab.isRead(first)).toBe(false)
    tab.setRead(first, true)
    expect(tab.isRead(first)).toBe(true)
  })

  test('leaves a newer app’s data alone and keeps this session in memory', async () => {
    await writeRaw([{ store: 'meta', key: 'format', value: { version: 99 } }])
    const tab = createTestReadingStore()
    await tab.ready()
    expect(tab.notice).toBe('newer')
    expect(tab.persistent).toBe(false)
    tab.setRead(first, true)
    await tab.flush()
    const db = await openDB(DB_NAME, DB_VERSION)
    expect(await db.get('meta', 'format')).toEqual({ version: 99 })
    expect(await db.count('read')).toBe(0)
    db.close()
  })

  test('without storage, works for the session and says so', async () => {
    const tab = createTestReadingStore({
      open: () => Promise.reject(new StorageUnavailableError('private mode')),
    })
    await tab.ready()
    expect(tab.notice).toBe('unavailable')
    expect(tab.persistent).toBe(false)
    tab.setRead(first, true)
    tab.setSaved(third, true)
    expect(tab.isRead(first)).toBe(true)
    expect(tab.isSaved(third.id)).toBe(true)
  })

  test('when storage fills up, keeps what it has in memory and says so', async () => {
    const full = new MemoryBackend()
    full.writeReadOps = () =>
      Promise.reject(new StorageUnavailableError('QuotaExceededError: full'))
    const tab = createTestReadingStore({
      open: async () => full as ReadingBackend,
    })
    Object.defineProperty(full, 'kind', { value: 'indexeddb' })
    await tab.ready()
    tab.setSaved(second, true)
    tab.setRead(first, true)
    await tab.flush()
    expect(tab.notice).toBe('quota')
    expect(tab.persistent).toBe(false)
    expect(tab.isRead(first)).toBe(true)
    expect(tab.isSaved(second.id)).toBe(true)
    tab.setRead(third, true)
    expect(tab.isRead(third)).toBe(true)
  })

  test('two tabs stay in sync', async () => {
    const one = createTestReadingStore()
    const two = createTestReadingStore()
    await Promise.all([one.ready(), two.ready()])
    const savedInTwo = vi.fn()
    two.onSavedChange(savedInTwo)

    one.setRead(first, true)
    one.setSaved(second, true)
    await vi.waitFor(() => expect(two.isRead(first)).toBe(true))
    await vi.waitFor(() => expect(two.isSaved(second.id)).toBe(true))
    expect(savedInTwo).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'saved' }),
    )

    two.setRead(first, false)
    two.setSaved(second, false)
    await vi.waitFor(() => expect(one.isRead(first)).toBe(false))
    await vi.waitFor(() => expect(one.isSaved(second.id)).toBe(false))
    expect(savedInTwo).toHaveBeenLastCalledWith({
      type: 'unsaved',
      id: second.id,
    })
  })

  test('remembers the place in an article, and forgets the oldest ones', async () => {
    const tab = createTestReadingStore()
    await tab.ready()
    for (let i = 0; i < 505; i++) {
      tab.putPosition({
        id: `a${i}`,
        block: i,
        within: 0.5,
        progress: 0.4,
        at: i,
      })
    }
    await tab.flush()
    expect(await tab.getPosition('a504')).toMatchObject({ block: 504 })
    expect(await tab.getPosition('a0')).toBeUndefined()
    expect(await tab.getPosition('a5')).toMatchObject({ block: 5 })
  })
})
