import { describe, expect, test } from 'vitest'
import {
  formatFixedDate,
  formatLocalDate,
  formatRelativeDate,
} from './format-date'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const ago = (ms: number) => new Date(NOW - ms).toISOString()
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describe('dates', () => {
  test('fixed dates are the same everywhere', () => {
    expect(formatFixedDate('2022-09-03T04:44:59Z')).toBe('2022-09-03 04:44 UTC')
    expect(formatFixedDate('not a date')).toBe('')
  })

  test.each([
    [30_000, '1 minute ago', '1分钟前'],
    [5 * MIN, '5 minutes ago', '5分钟前'],
    [3 * HOUR + 10 * MIN, '3 hours ago', '3小时前'],
    [DAY + HOUR, 'yesterday', '昨天'],
    [3 * DAY, '3 days ago', '3天前'],
  ])('%i ms old reads “%s” / “%s”', (age, en, zh) => {
    expect(formatRelativeDate(ago(age), NOW, 'en')).toBe(en)
    expect(formatRelativeDate(ago(age), NOW, 'zh-CN')?.replace(/\s/g, '')).toBe(
      zh,
    )
  })

  test('older dates, dates from the future and nonsense are written out instead', () => {
    expect(formatRelativeDate(ago(8 * DAY), NOW, 'en')).toBeNull()
    expect(formatRelativeDate(ago(-2 * MIN), NOW, 'en')).toBeNull()
    expect(formatRelativeDate('yesterday', NOW, 'en')).toBeNull()
    // A source clock a few seconds ahead is "now", not "in 1 minute".
    expect(formatRelativeDate(ago(-10_000), NOW, 'en')).toBe('1 minute ago')
  })

  test('written-out dates follow the interface language', () => {
    const iso = '2026-11-20T08:05:00Z'
    expect(formatLocalDate(iso, 'en')).toMatch(/Nov 20, 2026/)
    expect(formatLocalDate(iso, 'zh-CN')).toMatch(/2026年11月20日/)
    expect(formatLocalDate(iso, 'en', 'long')).toMatch(
      /Friday, November 20, 2026/,
    )
    expect(formatLocalDate('', 'en')).toBe('')
  })
})
