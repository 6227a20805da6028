/**
 * Returns `url` when it is an absolute http(s) URL, otherwise undefined.
 * Every link built from data (not from sanitised HTML) goes through this.
 */
export function toSafeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.href
      : undefined
  } catch {
    return undefined
  }
}
