import {
  buildContentSecurityPolicy,
  serviceWorkerContentSecurityPolicy,
} from '../../src/lib/csp.ts'

/**
 * Response headers of every file a browser may show as a page (HTML, the
 * manifest, feeds, mirrored images, anything else at the root, errors),
 * whatever the host: the CSP as a header (it adds `frame-ancestors`,
 * which a meta tag cannot carry), no MIME sniffing, no Referer to the
 * sites our images come from, and no powerful features. `web-share` and
 * `clipboard-write` stay allowed: the share button uses them;
 * `fullscreen` and `picture-in-picture` stay for embedded players.
 */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy('header'),
    ...subresourceHeaders(),
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), ' +
      'serial=(), bluetooth=(), browsing-topics=(), interest-cohort=()',
  }
}

/**
 * The headers of the built code (`/assets/`: our JS and CSS) and of the
 * JSON and index files under `/data/` but mirrored images: a browser
 * never runs a CSP or a permissions policy from a script, a stylesheet
 * or a fetched file (a worker would, and `/sw.js` has its own), and with
 * `nosniff` it shows JSON only as text. Sent with every one of the
 * ~35 requests of a first visit, the two page-only headers were ~0.7 kB
 * each over HTTP/1.1: 25 kB of a 196 kB category page (decision 033).
 */
export function subresourceHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  }
}

/**
 * The headers of `/sw.js`: a worker takes its CSP from its own response,
 * not from the page (`serviceWorkerContentSecurityPolicy`, decision 023).
 */
export function serviceWorkerHeaders(): Record<string, string> {
  return {
    ...securityHeaders(),
    'Content-Security-Policy': serviceWorkerContentSecurityPolicy(),
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
