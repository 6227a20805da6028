import { EMBED_ORIGINS } from './embed-allowlist.ts'

/**
 * The Trusted Types policy of the sanitiser (`sanitize.ts`), the only one
 * that mints TrustedHTML. The CSP allows this name and
 * `SERVICE_WORKER_POLICY_NAME` only, so no other code — ours or a
 * dependency's — can create a policy.
 */
export const TRUSTED_TYPES_POLICY_NAME = 'zixun-sanitize'

/**
 * The second policy (`service-worker-url.ts`): its `createScriptURL` blesses
 * exactly `SERVICE_WORKER_URL`, for `navigator.serviceWorker.register`.
 */
export const SERVICE_WORKER_POLICY_NAME = 'zixun-service-worker'

/** The service worker's script, at the root so its scope is the whole site. */
export const SERVICE_WORKER_URL = '/sw.js'

/**
 * Where the policy is delivered. A `<meta>` CSP ignores `frame-ancestors`
 * (and `report-uri`, `sandbox`), so only the header carries it.
 */
export type CspDelivery = 'meta' | 'header'

/**
 * The Content-Security-Policy of every HTML page we serve, as directive →
 * sources. Kept as data so the Vite build (meta tag, inherited by every
 * prerendered page) and `deploy/nginx.conf` emit the same policy.
 */
export function contentSecurityPolicyDirectives(
  delivery: CspDelivery = 'meta',
): Record<string, readonly string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    // News images and media come from any site; data: for inline images.
    'img-src': ['*', 'data:', 'blob:'],
    'media-src': ['*'],
    'frame-src': EMBED_ORIGINS,
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    ...(delivery === 'header' ? { 'frame-ancestors': ["'none'"] } : {}),
    'require-trusted-types-for': ["'script'"],
    'trusted-types': [TRUSTED_TYPES_POLICY_NAME, SERVICE_WORKER_POLICY_NAME],
  }
}

/**
 * The policy of the service worker's own script (`/sw.js`, a header only:
 * a worker has no meta tag). It runs no page, so it needs no frames,
 * styles or Trusted Types; it fetches only what pages of this origin ask
 * for — article images from any site, which the page CSP allows as
 * `img-src *` — plus the images of articles saved for offline, which the
 * worker fetches itself (`connect-src`).
 */
export function serviceWorkerContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "connect-src 'self' *",
    "img-src 'self' * data: blob:",
  ].join('; ')
}

/** The policy as one header/meta value: `default-src 'self'; …`. */
export function buildContentSecurityPolicy(
  delivery: CspDelivery = 'meta',
): string {
  return Object.entries(contentSecurityPolicyDirectives(delivery))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')
}
