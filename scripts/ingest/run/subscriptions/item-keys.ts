import type { FeedItem } from '../../read/feeds/parse-xml-feed.ts'
import { shortHash } from '../../shared/hash.ts'

/**
 * The key an item is stored under, as duplicates are found everywhere in
 * the ingest: its guid, else its link (resolved against the feed's site),
 * else a hash of its title, date and start of body.
 */
export function itemKey(item: FeedItem, site: string | undefined): string {
  const { guid, link, title, date } = item.data
  if (typeof guid === 'string' && guid.trim() !== '')
    return `guid:${guid.trim()}`
  if (typeof link === 'string' && link.trim() !== '') {
    return `link:${resolve(link.trim(), site)}`
  }
  return `hash:${shortHash(`${String(title)}|${String(date)}|${item.html.slice(0, 500)}`)}`
}

/** The item's date for retention: its own when readable, else `fallback`. */
export function itemDate(item: FeedItem, fallback: number): number {
  const { date } = item.data
  const ms = typeof date === 'string' ? Date.parse(date) : Number.NaN
  return Number.isFinite(ms) ? ms : fallback
}

function resolve(link: string, base: string | undefined): string {
  try {
    return new URL(link, base).href
  } catch {
    return link
  }
}
