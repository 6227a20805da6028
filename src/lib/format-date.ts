import type { Language } from '@/config/languages'

/** `2022-09-03 04:44 UTC`: the same text on every machine and engine. */
export function formatFixedDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

type Formats = {
  medium: Intl.DateTimeFormat
  long: Intl.DateTimeFormat
  relative: Intl.RelativeTimeFormat
}

const makers: { [K in keyof Formats]: (language: Language) => Formats[K] } = {
  medium: (language) =>
    new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }),
  long: (language) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'long' }),
  relative: (language) =>
    new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
}

// A list renders hundreds of dates: one set of formatters per language,
// each made when first needed.
const formats = new Map<Language, Partial<Formats>>()

function formatterFor<K extends keyof Formats>(
  language: Language,
  kind: K,
): Formats[K] {
  let made = formats.get(language)
  if (!made) formats.set(language, (made = {}))
  return (made[kind] ??= makers[kind](language))
}

/**
 * Makes `language`'s formatters ahead, each in a task of its own: the
 * first takes 10–40 ms on a slow phone (the engine loads the locale's
 * data), which the first date drawn in that language would otherwise add
 * to the switch after hydration (decision 031).
 */
export async function prepareDateFormats(language: Language): Promise<void> {
  for (const kind of Object.keys(makers) as (keyof Formats)[]) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    formatterFor(language, kind)
  }
}

function parse(iso: string): Date | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * The date in `language`, in the reader's time zone: "Nov 20, 2026,
 * 8:05 AM" / "2026年11月20日 08:05". `long` adds the weekday and the time
 * zone (for the hover text).
 */
export function formatLocalDate(
  iso: string,
  language: Language,
  style: 'medium' | 'long' = 'medium',
): string {
  const date = parse(iso)
  return date ? formatterFor(language, style).format(date) : ''
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
  const relative = formatterFor(language, 'relative')
  if (age < HOUR) {
    return relative.format(-Math.max(1, Math.floor(age / MINUTE)), 'minute')
  }
  if (age < DAY) return relative.format(-Math.floor(age / HOUR), 'hour')
  return relative.format(-Math.floor(age / DAY), 'day')
}
