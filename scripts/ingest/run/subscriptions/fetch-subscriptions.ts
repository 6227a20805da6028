import { join } from 'node:path'
import type { FeedHealth } from '../../../../src/lib/article-schema.ts'
import { hasHistory } from '../../cache/feed-history.ts'
import { saveLastList } from '../../cache/subscription-list-cache.ts'
import { HttpClient } from '../../read/fetch/http-client.ts'
import type { InputTask } from '../../read/input-types.ts'
import {
  normalizeFeedUrl,
  readSubscriptionList,
} from '../../read/subscriptions/read-subscription-list.ts'
import { shortHash } from '../../shared/hash.ts'
import { refreshFeed } from './refresh-feed.ts'
import {
  DEFAULT_FULL_TEXT_LIMIT,
  DEFAULT_MAX_FEED_BYTES,
  httpDefaults,
  type SubscribeOptions,
} from './subscribe-options.ts'

export type Subscribed = {
  /** Every history segment of every listed feed: inputs of this run. */
  tasks: InputTask[]
  /** One entry per listed feed, in list order. */
  health: FeedHealth[]
  /** Warnings about the list itself (a feed listed twice). */
  warnings: string[]
}

/** The store's folder inside the cache folder. */
export function storeDir(cacheDir: string): string {
  return join(cacheDir, 'subscriptions')
}

/** The folder of one feed's history: a hash of its URL as listed. */
export function feedKey(url: string): string {
  return shortHash(normalizeFeedUrl(url))
}

/**
 * Reads the subscription list and brings every feed's history up to
 * date, all feeds at once within the HTTP client's limits. Returns the
 * history segments as input tasks (so the rest of the ingest reads them
 * like feed files) and each feed's health. Feeds no longer listed are not
 * published; their history stays in the store, back if they are listed
 * again. Throws IngestError when the list is not valid.
 */
export async function fetchSubscriptions(
  options: SubscribeOptions,
  cacheDir: string,
  version: string,
): Promise<Subscribed> {
  const { list, warnings } = readSubscriptionList(options.list)
  const root = storeDir(cacheDir)
  await saveLastList(root, list)
  const client = new HttpClient({
    ...httpDefaults(''),
    allowPrivate: options.allowPrivateUrls ?? false,
    ...options.http,
    userAgent: options.http?.userAgent ?? userAgentFor(version),
  })
  const now = (options.now ?? Date.now)()
  const context = {
    client,
    now,
    keepDays: options.keepDays,
    maxFeedBytes: options.maxFeedBytes ?? DEFAULT_MAX_FEED_BYTES,
    fullText: { left: options.fullTextLimit ?? DEFAULT_FULL_TEXT_LIMIT },
  }
  let refreshed
  try {
    refreshed = await Promise.all(
      list.feeds.map((feed) => {
        const key = feedKey(feed.url)
        return refreshFeed(feed, key, join(root, key), context)
      }),
    )
  } finally {
    await client.close()
  }
  const tasks = refreshed.flatMap(({ segments }, i) => {
    const key = feedKey(list.feeds[i].url)
    const host = hostLabel(list.feeds[i].url)
    return segments.map((path) => ({
      path,
      file: `subscriptions/${host}/${key}/${path.split(/[\\/]/).pop()}`,
      relPath: `subscriptions/${key}`,
    }))
  })
  return { tasks, health: refreshed.map((r) => r.health), warnings }
}

/** Whether the store holds any feed's history (for the exit code). */
export function storeHasHistory(cacheDir: string, urls: string[]): boolean {
  return urls.some((url) => hasHistory(join(storeDir(cacheDir), feedKey(url))))
}

function hostLabel(url: string): string {
  try {
    return new URL(url).hostname || 'feed'
  } catch {
    return 'feed'
  }
}

/**
 * `Zixun/0.1.0 (+https://your.site; self-hosted news reader; feed
 * fetcher)`: names the program and the site its readers read, so the
 * sites it fetches can see who asks (the site is ZIXUN_SITE_URL, as for
 * the build).
 */
export function userAgentFor(version: string): string {
  const site = process.env.ZIXUN_SITE_URL
  return `Zixun/${version} (${site ? `+${site}; ` : ''}self-hosted news reader; feed fetcher)`
}
