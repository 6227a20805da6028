import type { AddressPolicy } from './address-guard.ts'

/** How the ingest talks to other sites; every limit is an option so tests can use short ones. */
export type HttpOptions = {
  userAgent: string
  /** Time to open a connection (TCP and TLS). */
  connectTimeoutMs: number
  /** Time for a whole request: connect, redirects, headers and body. */
  timeoutMs: number
  /** Redirects followed before giving up (the issue: 5). */
  maxRedirects: number
  /** A 429/503 asking to wait at most this long is retried once, after waiting. */
  retryAfterMaxMs: number
  /** Requests in flight at once, and to one host. */
  concurrency: number
  perHost: number
  /** Whether URLs found inside feeds may reach private addresses. */
  allowPrivate: boolean
  /** Which addresses count as public (tests treat some loopback addresses so). */
  policy?: AddressPolicy
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

/** One redirect followed. */
export type Hop = { from: string; to: string; status: number }

export type GetRequest = {
  url: string
  accept: string
  maxBytes: number
  etag?: string
  lastModified?: string
  /** A URL found inside a feed: refused when it reaches a private address. */
  guarded?: boolean
}

type Common = {
  /** The URL the answer came from, after redirects (credentials removed). */
  url: string
  hops: Hop[]
}

export type GetResult =
  | (Common & {
      kind: 'ok'
      status: number
      bytes: Buffer
      contentType: string
      /** Bytes on the wire (compressed), when the server said. */
      wireBytes?: number
      etag?: string
      lastModified?: string
    })
  | (Common & {
      kind: 'not-modified'
      status: 304
      etag?: string
      lastModified?: string
    })
  | (Common & {
      kind: 'failed'
      status?: number
      reason: string
      /** When the server asked to come back (Retry-After beyond the wait cap). */
      retryAt?: number
    })

/** Whether a redirect status is permanent (the list should be updated). */
export function isPermanent(status: number): boolean {
  return status === 301 || status === 308
}
