import { wallTimeToUtc } from './time-zone.ts'

export { assertTimeZone } from './time-zone.ts'

/**
 * Dates as feeds and front matter really write them. Every parser returns
 * epoch milliseconds, or undefined when the text is not a date it can read
 * with confidence (the caller reports that; it never guesses).
 *
 * A time without a zone is wall-clock time in `timeZone` (an IANA name,
 * default UTC; see docs/decisions for why).
 */
export function parseDate(
  value: unknown,
  timeZone = 'UTC',
): number | undefined {
  if (value instanceof Date) return checkMs(value.getTime())
  if (typeof value === 'number') return fromEpochNumber(value)
  if (typeof value !== 'string') return undefined
  const text = value.trim().replace(/\s+/g, ' ')
  if (/^\d{9,13}$/.test(text)) return fromEpochNumber(Number(text))
  for (const parse of PARSERS) {
    const fields = parse(text)
    if (fields) return toEpoch(fields, timeZone)
  }
  return undefined
}

/** RFC 3339 in UTC, without fractional seconds unless there are some. */
export function formatRfc3339(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

type Fields = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  ms: number
  /** Offset east of UTC in minutes; undefined for a zone-less time. */
  offset?: number
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ')

const NAMED_ZONES: Record<string, number> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
}

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/i

const RFC822 =
  /^(?:[A-Za-z]{3,9},? ?)?(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)? ?([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/

const JS_DATE =
  /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ?(?:GMT|UTC)?([+-]\d{4})?(?: \(.*\))?$/

const CHINESE =
  /^(\d{4})年(\d{1,2})月(\d{1,2})日 ?(?:(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/

const PARSERS: Array<(text: string) => Fields | undefined> = [
  parseIso,
  parseRfc822,
  parseJsDate,
  parseChinese,
]

function parseIso(text: string): Fields | undefined {
  const m = ISO.exec(text)
  if (!m) return undefined
  return {
    ...ymdhms(m[1], m[2], m[3], m[4], m[5], m[6]),
    ms: m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0,
    offset: parseZone(m[8]),
  }
}

function parseRfc822(text: string): Fields | undefined {
  const m = RFC822.exec(text)
  if (!m) return undefined
  const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1
  if (month === 0) return undefined
  let year = Number(m[3])
  if (m[3].length === 2) year += year < 50 ? 2000 : 1900
  const offset = parseZone(m[7])
  if (m[7] && offset === undefined) return undefined
  return {
    ...ymdhms(String(year), String(month), m[1], m[4], m[5], m[6]),
    ms: 0,
    offset,
  }
}

function parseJsDate(text: string): Fields | undefined {
  const m = JS_DATE.exec(text)
  if (!m) return undefined
  const month = MONTHS.indexOf(m[1].toLowerCase()) + 1
  if (month === 0) return undefined
  return {
    ...ymdhms(m[3], String(month), m[2], m[4], m[5], m[6]),
    ms: 0,
    offset: parseZone(m[7] ?? 'GMT'),
  }
}

function parseChinese(text: string): Fields | undefined {
  const m = CHINESE.exec(text)
  if (!m) return undefined
  return { ...ymdhms(m[1], m[2], m[3], m[4], m[5], m[6]), ms: 0 }
}

function ymdhms(
  ...parts: Array<string | undefined>
): Omit<Fields, 'ms' | 'offset'> {
  const [year, month, day, hour, minute, second] = parts.map((p) =>
    p === undefined ? 0 : Number(p),
  )
  return { year, month, day, hour, minute, second }
}

function parseZone(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined
  const named = NAMED_ZONES[zone.toUpperCase()]
  if (named !== undefined) return named
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
  if (!m) return undefined
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0)
  return m[1] === '-' ? -minutes : minutes
}

function toEpoch(f: Fields, timeZone: string): number | undefined {
  if (!isValid(f)) return undefined
  const wall = Date.UTC(
    f.year,
    f.month - 1,
    f.day,
    f.hour,
    f.minute,
    f.second,
    f.ms,
  )
  if (f.offset !== undefined) return wall - f.offset * 60_000
  return wallTimeToUtc(wall, timeZone)
}

function isValid(f: Fields): boolean {
  const daysInMonth = new Date(Date.UTC(f.year, f.month, 0)).getUTCDate()
  return (
    f.year >= 1970 &&
    f.year <= 9999 &&
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= daysInMonth &&
    f.hour <= 24 &&
    f.minute <= 59 &&
    f.second <= 60
  )
}

function fromEpochNumber(value: number): number | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined
  return checkMs(value < 1e11 ? value * 1000 : value)
}

function checkMs(ms: number): number | undefined {
  return Number.isFinite(ms) ? ms : undefined
}
