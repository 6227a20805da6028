import { EMBED_ORIGINS } from './embed-allowlist.ts'

/**
 * The one Trusted Types policy the app creates (in `sanitize.ts`). The CSP
 * allows this name only, so no other code — ours or a dependency's — can
 * mint TrustedHTML.
 */
export const TRUSTED_TYPES_POLICY_NAME = 'zixun-sanitize'

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
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    ...(delivery === 'header' ? { 'frame-ancestors': ["'none'"] } : {}),
    'require-trusted-types-for': ["'script'"],
    'trusted-types': [TRUSTED_TYPES_POLICY_NAME],
  }
}

/** The policy as one header/meta value: `default-src 'self'; …`. */
export function buildContentSecurityPolicy(
  delivery: CspDelivery = 'meta',
): string {
  return Object.entries(contentSecurityPolicyDirectives(delivery))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')
}
