import { describe, expect, test } from 'vitest'
import { createPost } from './demo-post.ts'
import {
  NO_QUIRKS,
  parseQuirkMix,
  pickQuirks,
  QUIRKS,
  REAL_SHAPED,
} from './quirks.ts'
import { createImagePool } from './svg-image.ts'

const pool = createImagePool()
const active = QUIRKS.filter((quirk) => (REAL_SHAPED[quirk] ?? 0) > 0)

describe('pickQuirks', () => {
  test('gives no quirk without a mix', () => {
    for (let index = 0; index < 200; index++) {
      const pick = pickQuirks(index, 'seed', NO_QUIRKS)
      expect(pick.quirks).toEqual([])
      expect(pick.format).toBe('hexo')
      expect(pick.showcase).toBeUndefined()
    }
  })

  test('post N of a corpus showcases the Nth quirk of the mix', () => {
    expect(active).toEqual(QUIRKS)
    active.forEach((quirk, index) => {
      const pick = pickQuirks(index, 'seed', REAL_SHAPED)
      expect(pick.showcase).toBe(quirk)
      expect(pick.quirks).toContain(quirk)
    })
    expect(pickQuirks(active.length, 'seed', REAL_SHAPED).showcase).toBe(
      undefined,
    )
  })

  test('one title quirk and one format per post at most, and only where they fit', () => {
    const titles = ['space-title', 'cleaned-title', 'punctuation-title']
    const formats = ['markdown', 'rss', 'atom', 'json-feed']
    const everything = Object.fromEntries(QUIRKS.map((q) => [q, 0.6]))
    for (let index = 0; index < 500; index++) {
      const { quirks, format } = pickQuirks(index, 'x', everything)
      expect(quirks.filter((q) => titles.includes(q)).length).toBeLessThan(2)
      expect(quirks.filter((q) => formats.includes(q)).length).toBeLessThan(2)
      if (format !== 'hexo') expect(quirks).toContain(format)
      if (format === 'markdown') {
        expect(quirks).not.toContain('inline-styles')
        expect(quirks).not.toContain('lazy-images')
      }
      if (['rss', 'atom', 'json-feed'].includes(format)) {
        expect(quirks).not.toContain('space-title')
        expect(quirks).not.toContain('old-front-matter')
      }
    }
  })

  test('draws about as often as the mix says', () => {
    const counts = new Map<string, number>()
    const n = 4000
    for (let index = active.length; index < active.length + n; index++) {
      for (const quirk of pickQuirks(index, 'rates', REAL_SHAPED).quirks) {
        counts.set(quirk, (counts.get(quirk) ?? 0) + 1)
      }
    }
    for (const quirk of ['source-markup', 'inline-styles', 'markdown']) {
      const rate = (counts.get(quirk) ?? 0) / n
      expect(rate, quirk).toBeGreaterThan(
        REAL_SHAPED[quirk as 'markdown']! * 0.7,
      )
      expect(rate, quirk).toBeLessThan(REAL_SHAPED[quirk as 'markdown']! * 1.3)
    }
  })
})

test('the base post stays the same under any mix', () => {
  for (let index = 30; index < 80; index++) {
    const plain = createPost(index, 'seed', pool)
    const quirky = createPost(index, 'seed', pool, REAL_SHAPED)
    expect(quirky.parts.date).toEqual(plain.parts.date)
    expect(quirky.parts.feed).toBe(plain.parts.feed)
    expect(quirky.segments.slice(0, 3)).toEqual(plain.segments.slice(0, 3))
    if (quirky.entry.quirks.length === 0) expect(quirky.text).toBe(plain.text)
  }
})

describe('parseQuirkMix', () => {
  test('reads a named mix or quirk=rate pairs', () => {
    expect(parseQuirkMix('none')).toEqual({})
    expect(parseQuirkMix('real')).toBe(REAL_SHAPED)
    expect(parseQuirkMix('lazy-images=0.5, rss=1')).toEqual({
      'lazy-images': 0.5,
      rss: 1,
    })
  })

  test.each([
    ['realistic', /unknown quirk "realistic"/],
    ['lazy-images', /must be a number from 0 to 1/],
    ['lazy-images=2', /must be a number from 0 to 1/],
    ['lazy-images=x', /must be a number from 0 to 1/],
  ])('refuses %s', (text, message) => {
    expect(() => parseQuirkMix(text)).toThrow(message)
  })
})
