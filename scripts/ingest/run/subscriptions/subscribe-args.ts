import type { ImageOptions } from '../images/image-stage.ts'
import type { SubscribeOptions } from './subscribe-options.ts'

/** The CLI options of subscriptions, as node:util parseArgs declares them. */
export const SUBSCRIBE_ARGS = {
  subscriptions: { type: 'string' },
  'export-opml': { type: 'string' },
  'keep-days': { type: 'string' },
  'full-text-limit': { type: 'string' },
  'allow-private-urls': { type: 'boolean', default: false },
  'fetch-timeout': { type: 'string' },
  'connect-timeout': { type: 'string' },
  'retry-after-max': { type: 'string' },
  'fetch-concurrency': { type: 'string' },
  'per-host': { type: 'string' },
  'max-feed-mb': { type: 'string' },
  images: { type: 'string' },
  'image-max-mb': { type: 'string' },
} as const

export const SUBSCRIBE_USAGE = `
  Subscriptions (the network is used only with these, or --images)
    --subscriptions <file>   Fetch the feeds of an OPML (or .yaml/.json) list
                             into the history under --cache, then build from it
    --export-opml <file>     Write the list back as OPML, with permanent
                             redirects and discovered feeds applied; no fetch
    --keep-days <n>          Drop items older than n days (default: keep all)
    --full-text-limit <n>    Article pages fetched for full text per run (50)
    --allow-private-urls     Let URLs inside feeds reach private addresses
    --fetch-timeout <s>      Whole request (30)      --connect-timeout <s> (10)
    --retry-after-max <s>    Wait for a Retry-After up to this long (60)
    --fetch-concurrency <n>  Requests at once (16)   --per-host <n>  (2)
    --max-feed-mb <n>        A feed's response is cut off past this (16)

  Images (off by default; with or without subscriptions)
    --images thumbnails|all  Mirror card pictures (all: body images too) into
                             data/images/, resized, as AVIF, WebP and the
                             original format; a failed one keeps its URL
    --image-max-mb <n>       Larger images keep their remote URL (10)`

type Values = { [K in keyof typeof SUBSCRIBE_ARGS]?: string | boolean }

/**
 * The ImageOptions `--images` asks for (undefined without it), or a
 * message naming a bad value. Fetch limits are shared with subscriptions.
 */
export function imageOptionsFrom(
  values: Values,
): ImageOptions | string | undefined {
  if (values.images === undefined) return undefined
  if (values.images !== 'thumbnails' && values.images !== 'all')
    return `--images must be thumbnails or all, got ${String(values.images)}`
  const fetch = subscribeOptionsFrom({ ...values, subscriptions: '-' })
  if (typeof fetch === 'string') return fetch
  const maxBytes = number(values, 'image-max-mb', 1024 * 1024)
  if (typeof maxBytes === 'string') return maxBytes
  return {
    mode: values.images,
    allowPrivateUrls: values['allow-private-urls'] === true,
    ...(fetch?.http ? { http: fetch.http } : {}),
    ...(maxBytes === undefined
      ? {}
      : { limits: { maxBytes: Math.round(maxBytes) } }),
  }
}

/**
 * The SubscribeOptions the CLI values ask for (undefined without
 * `--subscriptions`), or a message naming the first bad value.
 */
export function subscribeOptionsFrom(
  values: Values,
): SubscribeOptions | string | undefined {
  if (typeof values.subscriptions !== 'string') return undefined
  const numbers = {
    keepDays: number(values, 'keep-days', 1),
    fullTextLimit: number(values, 'full-text-limit', 1, 0),
    timeoutMs: number(values, 'fetch-timeout', 1000),
    connectTimeoutMs: number(values, 'connect-timeout', 1000),
    retryAfterMaxMs: number(values, 'retry-after-max', 1000, 0),
    concurrency: number(values, 'fetch-concurrency', 1),
    perHost: number(values, 'per-host', 1),
    maxFeedBytes: number(values, 'max-feed-mb', 1024 * 1024),
  }
  for (const value of Object.values(numbers))
    if (typeof value === 'string') return value
  const n = numbers as Record<keyof typeof numbers, number | undefined>
  const http = Object.fromEntries(
    (
      [
        'timeoutMs',
        'connectTimeoutMs',
        'retryAfterMaxMs',
        'concurrency',
        'perHost',
      ] as const
    )
      .filter((k) => n[k] !== undefined)
      .map((k) => [k, Math.round(n[k]!)]),
  )
  return {
    list: values.subscriptions,
    ...(n.keepDays === undefined ? {} : { keepDays: n.keepDays }),
    ...(n.fullTextLimit === undefined
      ? {}
      : { fullTextLimit: Math.floor(n.fullTextLimit) }),
    ...(n.maxFeedBytes === undefined
      ? {}
      : { maxFeedBytes: Math.round(n.maxFeedBytes) }),
    allowPrivateUrls: values['allow-private-urls'] === true,
    http,
  }
}

/** The value times `scale`, undefined when absent, a message when not a number ≥ min (> 0 by default). */
function number(
  values: Values,
  name: keyof Values,
  scale: number,
  min?: number,
) {
  const raw = values[name]
  if (typeof raw !== 'string') return undefined
  const value = Number(raw)
  const ok =
    Number.isFinite(value) && (min === undefined ? value > 0 : value >= min)
  if (!ok)
    return `--${name} must be a number${min === undefined ? ' above 0' : ` of at least ${min}`}, got ${raw}`
  return value * scale
}
