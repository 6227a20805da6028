import type { FeedHealth } from '../../../../src/lib/article-schema.ts'
import { FeedHistory } from '../../cache/feed-history.ts'
import {
  readFeedState,
  writeFeedState,
  type FeedState,
} from '../../cache/feed-state.ts'
import { formatRfc3339 } from '../../convert/fields/parse-date.ts'
import type { HttpClient } from '../../read/fetch/http-client.ts'
import { isPermanent, type Hop } from '../../read/fetch/http-types.ts'
import { redactUrl } from '../../read/fetch/redact-url.ts'
import {
  fetchFeed,
  type FeedFetch,
} from '../../read/subscriptions/fetch-feed.ts'
import { normalizeFeedUrl } from '../../read/subscriptions/read-subscription-list.ts'
import type { FeedMeta } from '../../read/subscriptions/stored-items.ts'
import type { Subscription } from '../../read/subscriptions/subscription-types.ts'
import { fetchFullTexts, type FullTextBudget } from './full-texts.ts'
import { itemDate, itemKey } from './item-keys.ts'

export type RefreshContext = {
  client: HttpClient
  now: number
  keepDays?: number
  maxFeedBytes: number
  fullText: FullTextBudget
}

/** One feed after this run: its history's segments, and its health. */
export type Refreshed = {
  segments: string[]
  health: FeedHealth
  state: FeedState
}

/**
 * Brings one feed's history up to date: asks the server (unless it asked
 * to wait), stores new and changed items, fetches full text when the feed
 * wants it, applies retention, and only then saves the state with the new
 * validators, so an interrupted run asks again rather than losing items.
 */
export async function refreshFeed(
  feed: Subscription,
  key: string,
  dir: string,
  context: RefreshContext,
): Promise<Refreshed> {
  const { now } = context
  const listed = normalizeFeedUrl(feed.url)
  const history = FeedHistory.open(dir)
  const state: FeedState = readFeedState(dir, listed) ?? { listed, failures: 0 }
  const meta = (s: FeedState): FeedMeta => ({
    ...((feed.title ?? s.title) ? { title: feed.title ?? s.title } : {}),
    category: feed.category,
    ...((s.site ?? feed.siteUrl) ? { site: s.site ?? feed.siteUrl } : {}),
    key,
  })
  if (state.retryAt !== undefined && state.retryAt > now) {
    await history.merge([], meta(state), now)
    const health = baseHealth(feed, state, history.size, 'skipped')
    health.reason = 'the server asked to wait (Retry-After)'
    health.retry_after = formatRfc3339(state.retryAt)
    return { segments: history.segmentPaths(), health, state }
  }
  const fetched = await fetchFeed(
    context.client,
    state.fetchUrl ?? feed.url,
    state,
    context.maxFeedBytes,
  )
  const notices = learnLocation(feed, state, fetched)
  let counts = { added: 0, updated: 0 }
  let fullText
  if (fetched.kind === 'items') {
    state.title = fetched.feed.title ?? state.title
    state.site = fetched.feed.link ?? state.site
    const site = state.site ?? fetched.url
    const incoming = fetched.feed.items.map((item) => ({
      key: itemKey(item, site),
      dateMs: itemDate(item, now),
      item,
    }))
    const merged = await history.merge(incoming, meta(state), now)
    counts = { added: merged.added.length, updated: merged.updated.length }
    if (feed.options.fullText) {
      fullText = await fetchFullTexts(
        history,
        [...merged.added, ...merged.updated],
        context,
      )
    }
  } else await history.merge([], meta(state), now)
  const keepDays = feed.options.keepDays ?? context.keepDays
  await history.retain({ keepDays, maxItems: feed.options.maxItems }, now)
  if (fetched.kind === 'failed') {
    state.failures++
    if (fetched.retryAt !== undefined) state.retryAt = fetched.retryAt
  } else {
    Object.assign(state, { failures: 0, lastSuccess: now, retryAt: undefined })
    setValidators(state, fetched.validators)
  }
  await writeFeedState(dir, state)
  const status =
    fetched.kind === 'items'
      ? 'fetched'
      : fetched.kind === 'unchanged'
        ? 'not_modified'
        : 'failed'
  const health = baseHealth(feed, state, history.size, status)
  if (fetched.status !== undefined) health.http_status = fetched.status
  if (fetched.kind === 'failed') health.reason = fetched.reason
  if (
    fetched.kind === 'failed' &&
    state.retryAt !== undefined &&
    state.retryAt > now
  )
    health.retry_after = formatRfc3339(state.retryAt)
  health.new_items = counts.added
  health.updated_items = counts.updated
  if (fullText?.firstFailure) {
    notices.push(
      `full text not had for ${fullText.failed} items (${fullText.firstFailure})`,
    )
  }
  const all = [...notices, ...fetched.notes]
  if (all.length > 0) health.notices = all.map(redactText)
  if (fullText)
    health.full_text = { fetched: fullText.fetched, failed: fullText.failed }
  return { segments: history.segmentPaths(), health, state }
}

/**
 * Learns from the redirects and autodiscovery of this fetch: a chain of
 * permanent redirects (or a discovered feed) becomes where the feed is
 * fetched from next time, and a notice says the list should be updated.
 */
function learnLocation(
  feed: Subscription,
  state: FeedState,
  fetched: FeedFetch,
): string[] {
  const notices: string[] = []
  const moved = permanentTarget(fetched.hops)
  if (moved) {
    state.movedTo = moved.to
    state.fetchUrl = withCredentials(moved.to, feed.url)
    notices.push(
      `moved permanently (HTTP ${moved.status}) to ${moved.to}: update the list (--export-opml writes it)`,
    )
  }
  for (const hop of fetched.hops.filter((h) => !isPermanent(h.status))) {
    notices.push(`redirected (HTTP ${hop.status}) to ${hop.to}`)
  }
  if (fetched.discovered && fetched.kind !== 'failed') {
    state.discovered = fetched.discovered
    state.fetchUrl = withCredentials(fetched.discovered, feed.url)
  }
  if (fetched.kind === 'failed' && fetched.status === 410)
    notices.push('the feed is gone (HTTP 410): remove it from the list')
  return notices
}

/** The end of the leading run of permanent redirects, if there is one. */
function permanentTarget(hops: Hop[]): Hop | undefined {
  let last: Hop | undefined
  for (const hop of hops) {
    if (!isPermanent(hop.status)) break
    last = hop
  }
  return last
}

/** `to` with the listed URL's credentials when it is on the same origin. */
function withCredentials(to: string, listed: string): string {
  const from = new URL(listed)
  const target = new URL(to)
  if ((from.username || from.password) && from.origin === target.origin) {
    target.username = from.username
    target.password = from.password
  }
  return target.href
}

function setValidators(
  state: FeedState,
  v: { etag?: string; lastModified?: string; bodyHash?: string },
) {
  state.etag = v.etag
  state.lastModified = v.lastModified
  state.bodyHash = v.bodyHash
}

function baseHealth(
  feed: Subscription,
  state: FeedState,
  stored: number,
  status: FeedHealth['status'],
): FeedHealth {
  const title = feed.title ?? state.title
  return {
    feed: redactUrl(feed.url),
    ...(title ? { title } : {}),
    status,
    new_items: 0,
    updated_items: 0,
    stored_items: stored,
    consecutive_failures: state.failures,
    ...(state.lastSuccess
      ? { last_success: formatRfc3339(state.lastSuccess) }
      : {}),
    ...(state.movedTo ? { moved_to: redactUrl(state.movedTo) } : {}),
    ...(state.discovered ? { discovered: redactUrl(state.discovered) } : {}),
  }
}

/** Every URL in a notice, redacted. */
function redactText(text: string): string {
  return text.replace(/https?:\/\/[^\s,;)]*[^\s,;):.]/g, (url) =>
    redactUrl(url),
  )
}
