import { buildContentSecurityPolicy } from '../../src/lib/csp.ts'

/**
 * Response headers every file of the site gets, whatever the host: the
 * CSP as a header (it adds `frame-ancestors`, which a meta tag cannot
 * carry), no MIME sniffing, no Referer to the sites our images come
 * from, and no powerful features. `web-share` and `clipboard-write` stay
 * allowed: the share button uses them; `fullscreen` and
 * `picture-in-picture` stay for embedded players.
 */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy('header'),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), ' +
      'serial=(), bluetooth=(), browsing-topics=(), interest-cohort=()',
  }
}

/** Files whose names change with their content: cache them for a year. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable'

/** Files with stable names (HTML, manifest, articles, feeds): revalidate. */
export const CACHE_REVALIDATE = 'no-cache'

/**
 * The caching rule of each part of `dist/`, most specific first, as
 * path patterns in the `_headers` style (`*` = anything).
 */
export const cacheRules: ReadonlyArray<{ pattern: string; value: string }> = [
  { pattern: '/assets/*', value: CACHE_IMMUTABLE },
  { pattern: '/data/pages/*', value: CACHE_IMMUTABLE },
  { pattern: '/data/categories/*', value: CACHE_IMMUTABLE },
  { pattern: '/data/images/*', value: CACHE_IMMUTABLE },
  { pattern: '/data/search/index.json', value: CACHE_REVALIDATE },
  { pattern: '/data/search/*', value: CACHE_IMMUTABLE },
  { pattern: '/*', value: CACHE_REVALIDATE },
]
