import { afterEach, describe, expect, test, vi } from 'vitest'
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

  describe('written by hand, as Intl writes them', () => {
    afterEach(() => {
      vi.unstubAllEnvs()
    })
    // Node reads TZ again when it is set: each zone's local clock.
    const zones = ['UTC', 'Asia/Shanghai', 'America/St_Johns', 'Asia/Kolkata']
    const dates = [
      '2026-11-20T08:05:00Z',
      '2026-01-01T00:00:09Z',
      '2026-06-30T12:30:59Z',
      '2025-03-09T23:59:00Z',
    ]
    // Intl puts a narrow no-break space before AM/PM in newer versions.
    const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ')

    test.each(zones)('medium dates and the long date in %s', (name) => {
      vi.stubEnv('TZ', name)
      for (const iso of dates) {
        const date = new Date(iso)
        for (const language of ['en', 'zh-CN'] as const) {
          const medium = new Intl.DateTimeFormat(language, {
            dateStyle: 'medium',
            timeStyle: 'short',
          })
          expect(formatLocalDate(iso, language)).toBe(
            spaces(medium.format(date)),
          )
          // The long form: Intl's date and time, then the offset, not a zone name.
          const day = new Intl.DateTimeFormat(language, { dateStyle: 'full' })
          const time = new Intl.DateTimeFormat(language, {
            timeStyle: 'medium',
          })
          const long = formatLocalDate(iso, language, 'long')
          expect(long.startsWith(day.format(date))).toBe(true)
          expect(long).toContain(spaces(time.format(date)))
        }
      }
    })

    test('the long form names the offset from UTC', () => {
      const iso = '2026-11-20T08:05:00Z'
      vi.stubEnv('TZ', 'Asia/Shanghai')
      expect(formatLocalDate(iso, 'en', 'long')).toBe(
        'Friday, November 20, 2026 at 4:05:00 PM UTC+8',
      )
      expect(formatLocalDate(iso, 'zh-CN', 'long')).toBe(
        '2026年11月20日星期五 16:05:00 UTC+8',
      )
      vi.stubEnv('TZ', 'America/St_Johns')
      expect(formatLocalDate(iso, 'en', 'long')).toBe(
        'Friday, November 20, 2026 at 4:35:00 AM UTC-3:30',
      )
      vi.stubEnv('TZ', 'UTC')
      expect(formatLocalDate(iso, 'en', 'long')).toMatch(/ AM UTC$/)
    })

    test('relative dates are what Intl.RelativeTimeFormat says', () => {
      for (const language of ['en', 'zh-CN'] as const) {
        const relative = new Intl.RelativeTimeFormat(language, {
          numeric: 'auto',
        })
        for (const [age, count, unit] of [
          [MIN, 1, 'minute'],
          [59 * MIN, 59, 'minute'],
          [HOUR, 1, 'hour'],
          [23 * HOUR, 23, 'hour'],
          [DAY, 1, 'day'],
          [2 * DAY, 2, 'day'],
          [6 * DAY, 6, 'day'],
        ] as const)
          expect(formatRelativeDate(ago(age), NOW, language)).toBe(
            relative.format(-count, unit),
          )
      }
    })
  })
})
