import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readFeedState } from '../../cache/feed-state.ts'
import { loadLastList } from '../../cache/subscription-list-cache.ts'
import {
  normalizeFeedUrl,
  readSubscriptionList,
} from '../../read/subscriptions/read-subscription-list.ts'
import type { SubscriptionList } from '../../read/subscriptions/subscription-types.ts'
import { writeOpml } from '../../read/subscriptions/write-opml.ts'
import { IngestError } from '../../shared/errors.ts'
import { feedKey, storeDir } from './fetch-subscriptions.ts'

/**
 * Writes the subscription list as OPML to `file`, with what the store
 * learned applied: a feed that moved permanently gets its new URL, a site
 * whose feed was found by autodiscovery gets the feed's URL (the site
 * stays as `htmlUrl`). The list is `listFile` when given, else the one the
 * last run with `--subscriptions` used. No network. Returns how many
 * feeds were written and how many of them changed.
 */
export function exportOpml(
  file: string,
  cacheDir: string,
  listFile?: string,
): { feeds: number; updated: number } {
  const root = storeDir(cacheDir)
  const list = listFile
    ? readSubscriptionList(listFile).list
    : loadLastList(root)
  if (!list) {
    throw new IngestError(
      'nothing to export: give --subscriptions <list>, or run with it once so the store knows the list',
    )
  }
  const { updated, next } = applyLearned(list, root)
  writeFileSync(file, writeOpml(next))
  return { feeds: next.feeds.length, updated }
}

function applyLearned(list: SubscriptionList, root: string) {
  let updated = 0
  const feeds = list.feeds.map((feed) => {
    const state = readFeedState(
      join(root, feedKey(feed.url)),
      normalizeFeedUrl(feed.url),
    )
    if (!state?.fetchUrl || state.fetchUrl === feed.url) return feed
    updated++
    const siteUrl = feed.siteUrl ?? (state.discovered ? feed.url : undefined)
    return { ...feed, url: state.fetchUrl, ...(siteUrl ? { siteUrl } : {}) }
  })
  return { updated, next: { ...list, feeds } }
}
