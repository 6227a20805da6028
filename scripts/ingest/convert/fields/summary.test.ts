import { describe, expect, test } from 'vitest'
import { readingMinutes } from './reading-time.ts'
import { graphemePrefix, summarize } from './summary.ts'

describe('summarize', () => {
  test('keeps short text whole, without an ellipsis', () => {
    expect(summarize('短文。')).toBe('短文。')
  })

  test('ends after the last Chinese sentence in reach', () => {
    const text = '第一句话很长'.repeat(20) + '。' + '第二句'.repeat(40)
    expect(summarize(text)).toBe('第一句话很长'.repeat(20) + '。…')
  })

  test('ends at a comma when no sentence ends late enough', () => {
    const text = '甲'.repeat(120) + '，' + '乙'.repeat(100)
    expect(summarize(text)).toBe('甲'.repeat(120) + '…')
  })

  test('ends between English words', () => {
    const text = 'word '.repeat(50)
    const out = summarize(text)
    expect(out.endsWith('word…')).toBe(true)
    expect(out.length).toBeLessThanOrEqual(161)
  })

  test('never splits a surrogate pair or an emoji sequence', () => {
    const text = '😀'.repeat(100)
    const out = summarize(text)
    expect(out).toBe('😀'.repeat(80) + '…')
    const family = '👨‍👩‍👧'
    expect(graphemePrefix(`abc${family}`, 5)).toBe('abc')
  })

  test('cuts mid-text only when there is no boundary', () => {
    expect(summarize('x'.repeat(300))).toBe('x'.repeat(160) + '…')
  })
})

describe('readingMinutes', () => {
  test.each([
    ['', 1],
    ['字'.repeat(400), 1],
    ['字'.repeat(1000), 3],
    ['word '.repeat(600), 3],
    ['字'.repeat(400) + ' word'.repeat(200), 2],
    ["don't stop-me-now 3.14", 1],
  ])('case %# → %i min', (text, minutes) => {
    expect(readingMinutes(text)).toBe(minutes)
  })
})
