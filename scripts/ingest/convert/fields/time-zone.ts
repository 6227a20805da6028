const formatters = new Map<string, Intl.DateTimeFormat>()

/** Throws RangeError for a zone name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone)
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

function offsetAt(utcMs: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const p of formatterFor(timeZone).formatToParts(new Date(utcMs))) {
    parts[p.type] = Number(p.value)
  }
  const asUtc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  )
  return asUtc - Math.floor(utcMs / 1000) * 1000
}

/**
 * Epoch milliseconds of a wall-clock time (given as if it were UTC) in an
 * IANA zone, DST included: the offset is looked up twice, around the guess.
 */
export function wallTimeToUtc(wall: number, timeZone: string): number {
  if (timeZone === 'UTC') return wall
  const guess = wall - offsetAt(wall, timeZone)
  return wall - offsetAt(guess, timeZone)
}
