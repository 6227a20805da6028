/** One feed of the subscription list, as the person running Zixun wrote it. */
export type Subscription = {
  /** The feed's URL, or a site's (found by autodiscovery); may hold credentials. */
  url: string
  title?: string
  /** The site (OPML `htmlUrl`), for the export. */
  siteUrl?: string
  /** The folder path: `['科技', '开源']`; empty at the top level. */
  category: string[]
  options: FeedOptions
}

/** Per-feed options (OPML attributes `zixun:fullText` …, or config keys). */
export type FeedOptions = {
  /** Fetch each new article's page and extract its main text. */
  fullText?: boolean
  /** Keep at most this many of the feed's newest items. */
  maxItems?: number
  /** Keep items at most this many days old (overrides `--keep-days`). */
  keepDays?: number
}

export type SubscriptionList = {
  title?: string
  feeds: Subscription[]
}

/** The option names, their check, in the order the export writes them. */
export const FEED_OPTION_NAMES = ['fullText', 'maxItems', 'keepDays'] as const

/**
 * Reads one option from its text (an OPML attribute) or value (YAML,
 * JSON); a string saying what is wrong when it is not valid.
 */
export function readOption(
  name: (typeof FEED_OPTION_NAMES)[number],
  value: unknown,
): boolean | number | string {
  if (name === 'fullText') {
    if (value === true || value === 'true') return true
    if (value === false || value === 'false') return false
    return `${name} must be true or false, got ${JSON.stringify(value)}`
  }
  const n =
    typeof value === 'string' && /^\d+$/.test(value.trim())
      ? Number(value)
      : value
  if (typeof n === 'number' && Number.isInteger(n) && n > 0) return n
  return `${name} must be a whole number above 0, got ${JSON.stringify(value)}`
}
