import type { Language } from '@/config/languages'

/** `2022-09-03 04:44 UTC`: the same text on every machine and engine. */
export function formatFixedDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/*
 * Dates are written by hand from the `Date` getters (the reader's time
 * zone) rather than with `Intl`: the first `Intl` object a page makes, of
 * any kind, costs 70–190 ms on a 4×-slowed CPU (the engine loads its
 * locale data), one long task on every first visit, while the getters
 * cost nothing (decision 032). Two languages and three styles are all the
 * reader writes; the texts are the ones `Intl` gives for them.
 */

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  )
const WEEKDAYS =
  'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ')
const WEEKDAYS_ZH = '日一二三四五六'

const twoDigits = (n: number) => String(n).padStart(2, '0')

/** "8:05 AM", with ":ss" when `seconds`. */
function englishTime(date: Date, seconds: boolean): string {
  const hours = date.getHours()
  const clock = `${hours % 12 || 12}:${twoDigits(date.getMinutes())}`
  const rest = seconds ? `:${twoDigits(date.getSeconds())}` : ''
  return `${clock}${rest} ${hours < 12 ? 'AM' : 'PM'}`
}

/** "08:05", with ":ss" when `seconds`. */
function time24(date: Date, seconds: boolean): string {
  const clock = `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`
  return seconds ? `${clock}:${twoDigits(date.getSeconds())}` : clock
}

/** The reader's offset from UTC on that date: "UTC", "UTC+8", "UTC-3:30". */
function utcOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset()
  if (minutes === 0) return 'UTC'
  const sign = minutes > 0 ? '+' : '-'
  const abs = Math.abs(minutes)
  const rest = abs % 60 ? `:${twoDigits(abs % 60)}` : ''
  return `UTC${sign}${Math.floor(abs / 60)}${rest}`
}

function parse(iso: string): Date | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * The date in `language`, in the reader's time zone: "Nov 20, 2026,
 * 8:05 AM" / "2026年11月20日 08:05". `long` adds the weekday, the seconds
 * and the offset from UTC (for the hover text): "Friday, November 20,
 * 2026 at 4:05:00 PM UTC+8" / "2026年11月20日星期五 16:05:00 UTC+8".
 */
export function formatLocalDate(
  iso: string,
  language: Language,
  style: 'medium' | 'long' = 'medium',
): string {
  const date = parse(iso)
  if (!date) return ''
  const [year, month, day] = [
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
  ]
  const long = style === 'long'
  if (language === 'zh-CN') {
    const weekday = long ? `星期${WEEKDAYS_ZH[date.getDay()]}` : ''
    const zone = long ? ` ${utcOffset(date)}` : ''
    return `${year}年${month + 1}月${day}日${weekday} ${time24(date, long)}${zone}`
  }
  if (!long)
    return `${MONTHS[month].slice(0, 3)} ${day}, ${year}, ${englishTime(date, false)}`
  return `${WEEKDAYS[date.getDay()]}, ${MONTHS[month]} ${day}, ${year} at ${englishTime(date, true)} ${utcOffset(date)}`
}

type Unit = 'minute' | 'hour' | 'day'

/** "5 minutes ago" / "5分钟前"; a day back is "yesterday" / "昨天", two "前天". */
function ago(count: number, unit: Unit, language: Language): string {
  if (language === 'zh-CN') {
    if (unit === 'day' && count <= 2) return count === 1 ? '昨天' : '前天'
    return `${count}${{ minute: '分钟', hour: '小时', day: '天' }[unit]}前`
  }
  if (unit === 'day' && count === 1) return 'yesterday'
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Dates older than this are written out; newer ones relative to now. */
export const RELATIVE_FOR_MS = 7 * DAY

/**
 * "3 hours ago" / "3 小时前", "yesterday" / "昨天" for a date in the last
 * week (`RELATIVE_FOR_MS`); null for older dates, for dates more than a
 * minute ahead of `now` (a source's clock) and for dates that do not parse.
 */
export function formatRelativeDate(
  iso: string,
  now: number,
  language: Language,
): string | null {
  const date = parse(iso)
  if (!date) return null
  const age = now - date.getTime()
  if (age < -MINUTE || age >= RELATIVE_FOR_MS) return null
  if (age < HOUR)
    return ago(Math.max(1, Math.floor(age / MINUTE)), 'minute', language)
  if (age < DAY) return ago(Math.floor(age / HOUR), 'hour', language)
  return ago(Math.floor(age / DAY), 'day', language)
}
