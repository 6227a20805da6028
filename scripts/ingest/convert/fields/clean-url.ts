const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'vero_id',
  'vero_conv',
  'oly_enc_id',
  'oly_anon_id',
  'spm',
  'scm',
  'ref_src',
  'ref_url',
  '__twitter_impression',
  'wt_mc',
  'wt.mc_id',
])

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase()
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower)
}

/**
 * An absolute http(s) URL with tracking parameters (`utm_*`, `fbclid`,
 * `gclid`, `spm`…) removed and the rest kept in order; undefined when the
 * value is not an absolute http(s) URL.
 */
export function cleanUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const url = parseHttpUrl(value.trim())
  if (!url) return undefined
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name))
  if (kept.length !== [...url.searchParams].length) {
    url.search = new URLSearchParams(kept).toString()
  }
  return url.href
}

function parseHttpUrl(value: string): URL | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

/**
 * Unwraps an open CORS proxy that carries the real URL as its query
 * (`https://cors.zfour.workers.dev/?http://zkres1.myzaker.com/a.jpg`).
 */
export function unwrapProxy(value: string): string {
  const m = /^https?:\/\/[^/?#]+\/?\?(https?:\/\/.+)$/i.exec(value)
  return m ? m[1] : value
}

/** Random stock pictures aggregators put where an item had no image. */
export function isPlaceholderImage(value: string): boolean {
  return (
    /^https?:\/\/(?:[\w-]+\.)*picsum\.photos\//i.test(value) ||
    /^https?:\/\/source\.unsplash\.com\/(?:\w+\/)*random/i.test(value)
  )
}

/** `href` resolved against `base`; the input unchanged when it can't be. */
export function resolveUrl(href: string, base: string | undefined): string {
  if (!base || /^(?:[a-z][a-z\d+.-]*:|#)/i.test(href)) return href
  try {
    return new URL(href, base).href
  } catch {
    return href
  }
}

export type ResolveUrl = (href: string) => string

/**
 * How a post's URLs resolve: against its original link, except that a
 * post file (not a feed item) keeps root-relative URLs (`/images/a.png`),
 * which belong to the site the posts are published on, not to the source.
 */
export function urlResolver(
  base: string | undefined,
  keepRootRelative: boolean,
): ResolveUrl {
  return (href) =>
    keepRootRelative && /^\/(?!\/)/.test(href) ? href : resolveUrl(href, base)
}
