import { toSafeHttpUrl } from './safe-url'

/**
 * Opens an article's original (its `external_url`) in a new tab, as the
 * "Open original" link does: http(s) only, no opener, no referrer.
 * Returns whether there was one to open.
 */
export function openOriginal(url: string | undefined): boolean {
  const safe = toSafeHttpUrl(url)
  if (!safe) return false
  window.open(safe, '_blank', 'noopener,noreferrer')
  return true
}

/** Whether the reader asked for less motion (smooth scrolling included). */
export function prefersReducedMotion(): boolean {
  return (
    window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
  )
}
