import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  readEntrySnapshot,
  readListPlace,
  saveEntrySnapshot,
  type ListPlace,
} from './entry-snapshots'

const place: ListPlace = {
  href: '/',
  pages: 3,
  offset: 1200,
  width: 1024,
  sizes: [['a', 170]],
}

afterEach(() => sessionStorage.clear())

describe('the snapshot of a history entry', () => {
  test('reads back what was saved under its key, for the list it was taken on', () => {
    saveEntrySnapshot('k1', { list: place })
    expect(readEntrySnapshot('k1')).toEqual({ list: place })
    expect(readListPlace('k1', '/')).toEqual(place)
    expect(readListPlace('k1', '/c/x')).toBeUndefined()
    expect(readEntrySnapshot('k2')).toEqual({})
  })

  test('is empty when what is stored is damaged or of another shape', () => {
    sessionStorage.setItem('zixun:entry:k1', '{not json')
    sessionStorage.setItem(
      'zixun:entry:k2',
      JSON.stringify({ list: { ...place, pages: '3' } }),
    )
    sessionStorage.setItem('zixun:entry:k3', 'null')
    for (const key of ['k1', 'k2', 'k3']) {
      expect(readEntrySnapshot(key)).toEqual({})
    }
  })

  test('keeps the newest 50 entries of the tab', () => {
    for (let i = 1; i <= 55; i++) saveEntrySnapshot(`k${i}`, { list: place })
    expect(readEntrySnapshot('k5')).toEqual({})
    expect(readEntrySnapshot('k6')).toEqual({ list: place })
    expect(readEntrySnapshot('k55')).toEqual({ list: place })
  })

  test('a full or disabled storage loses the place without an error', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(() => saveEntrySnapshot('k1', { list: place })).not.toThrow()
    expect(readEntrySnapshot('k1')).toEqual({})
  })
})
