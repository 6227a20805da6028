import type { HttpOptions } from '../../read/fetch/http-types.ts'

/** Everything a run with `--subscriptions` is told. */
export type SubscribeOptions = {
  /** The subscription list file (OPML, YAML or JSON). */
  list: string
  /** Items older than this many days are dropped (per feed `keepDays` wins). */
  keepDays?: number
  /** Article pages fetched for full text per run, all feeds together. */
  fullTextLimit?: number
  /** Let URLs found inside feeds reach private addresses (tests, intranets). */
  allowPrivateUrls?: boolean
  /** A feed's response is cut off past this many bytes. */
  maxFeedBytes?: number
  /** Overrides of the HTTP limits (tests use short timeouts). */
  http?: Partial<HttpOptions>
  /** The clock (tests). */
  now?: () => number
}

export const DEFAULT_FULL_TEXT_LIMIT = 50
export const DEFAULT_MAX_FEED_BYTES = 16 * 1024 * 1024

/** The HTTP limits of a real run; each can be overridden. */
export function httpDefaults(userAgent: string): HttpOptions {
  return {
    userAgent,
    connectTimeoutMs: 10_000,
    timeoutMs: 30_000,
    maxRedirects: 5,
    retryAfterMaxMs: 60_000,
    concurrency: 16,
    perHost: 2,
    allowPrivate: false,
  }
}
