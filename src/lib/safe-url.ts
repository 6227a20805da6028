/**
 * Returns `url` as an absolute http(s) URL (resolved against `base` when
 * given), otherwise undefined. Every link or picture built from data (not
 * from sanitised HTML) goes through this: the reader's "Open original"
 * and the prerendered pages' pictures.
 */
export function toSafeHttpUrl(
  url: string | undefined,
  base?: string,
): string | undefined {
  if (!url?.trim()) return undefined
  try {
    const parsed = new URL(url, base)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.href
      : undefined
  } catch {
    return undefined
  }
}
