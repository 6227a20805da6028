import { describe, expect, test } from 'vitest'
import { formatRfc3339, parseDate } from './parse-date.ts'

const iso = (value: unknown, zone?: string) => {
  const ms = parseDate(value, zone)
  return ms === undefined ? undefined : formatRfc3339(ms)
}

describe('parseDate', () => {
  test.each([
    ['Thu, 29 Apr 2021 14:14:00 GMT', '2021-04-29T14:14:00Z'],
    ['Thu, 29 Apr 2021 14:14:00 +0800', '2021-04-29T06:14:00Z'],
    ['29 Apr 2021 14:14 EST', '2021-04-29T19:14:00Z'],
    ['Thu, 29 April 21 14:14:00 GMT', '2021-04-29T14:14:00Z'],
    ['2021-05-09 00:04:29', '2021-05-09T00:04:29Z'],
    ['2021-05-09T00:04:29Z', '2021-05-09T00:04:29Z'],
    ['2021-05-09T08:04:29+08:00', '2021-05-09T00:04:29Z'],
    ['2021-05-09T00:04:29.123456-0130', '2021-05-09T01:34:29.123Z'],
    ['2021-05-09', '2021-05-09T00:00:00Z'],
    ['2021/5/9 8:04', '2021-05-09T08:04:00Z'],
    ['2021年5月9日 08:04', '2021-05-09T08:04:00Z'],
    [
      'Sun May 09 2021 08:04:29 GMT+0800 (China Standard Time)',
      '2021-05-09T00:04:29Z',
    ],
    ['1620518669', '2021-05-09T00:04:29Z'],
    [1620518669000, '2021-05-09T00:04:29Z'],
    ['  2021-05-09   00:04:29  ', '2021-05-09T00:04:29Z'],
  ])('%s → %s', (input, expected) => {
    expect(iso(input)).toBe(expected)
  })

  test.each([
    ['yesterday'],
    ['2021-13-01'],
    ['2021-02-30 10:00'],
    ['Thu, 29 Foo 2021 14:14:00 GMT'],
    ['29 Apr 2021 14:14 XYZ'],
    [''],
    [null],
    [{}],
  ])('%j is not a date', (input) => {
    expect(parseDate(input)).toBeUndefined()
  })

  test.each([
    ['2021-05-09 08:04:29', 'Asia/Shanghai', '2021-05-09T00:04:29Z'],
    ['2021-07-01 12:00', 'America/New_York', '2021-07-01T16:00:00Z'],
    ['2021-01-01 12:00', 'America/New_York', '2021-01-01T17:00:00Z'],
    ['2021-05-09T08:04:29Z', 'Asia/Shanghai', '2021-05-09T08:04:29Z'],
  ])('zone-less %s read in %s', (input, zone, expected) => {
    expect(iso(input, zone)).toBe(expected)
  })
})
