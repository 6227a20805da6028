/**
 * Milliseconds to wait from a `Retry-After` header (delta seconds or an
 * HTTP date), measured from `now`; undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null,
  now: number,
): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}
