import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { IngestError, PostError } from '../../shared/errors.ts'
import { decodeText, normalizeText } from '../decode-text.ts'
import { redactUrl } from '../fetch/redact-url.ts'
import { readFeedConfig } from './read-feed-config.ts'
import { readOpml } from './read-opml.ts'
import type { SubscriptionList } from './subscription-types.ts'

/** Lists larger than this are no subscription list. */
const MAX_LIST_BYTES = 8 * 1024 * 1024

/**
 * Reads the subscription list at `path`: OPML (`.opml`, `.xml`), YAML
 * (`.yaml`, `.yml`) or JSON (`.json`). A feed listed twice is read once
 * (the first entry counts; `warnings` says so). Throws IngestError naming
 * every problem (with its line) when the list cannot be used as written,
 * or when it holds no feed: a broken list must not silently empty the site.
 */
export function readSubscriptionList(path: string): {
  list: SubscriptionList
  warnings: string[]
} {
  const shown = path.split(/[\\/]/).pop() ?? path
  let text: string
  try {
    const bytes = readFileSync(path)
    if (bytes.length > MAX_LIST_BYTES) throw new PostError('over 8 MB')
    text = normalizeText(decodeText(bytes).text)
  } catch (error) {
    const why =
      error instanceof PostError
        ? error.message
        : ((error as NodeJS.ErrnoException).code ?? String(error))
    throw new IngestError(`cannot read the subscription list ${shown} (${why})`)
  }
  const ext = extname(path).toLowerCase()
  const { list, problems } =
    ext === '.yaml' || ext === '.yml'
      ? readFeedConfig(text, 'yaml')
      : ext === '.json'
        ? readFeedConfig(text, 'json')
        : readOpml(text)
  if (problems.length === 0 && list.feeds.length === 0)
    problems.push('it lists no feed')
  if (problems.length > 0) {
    const shownProblems = problems.slice(0, 20).map((p) => `  ${p}`)
    if (problems.length > 20)
      shownProblems.push(`  … and ${problems.length - 20} more`)
    throw new IngestError(
      `the subscription list ${shown} is not valid:\n${shownProblems.join('\n')}`,
    )
  }
  return dedupeFeeds(list)
}

function dedupeFeeds(list: SubscriptionList): {
  list: SubscriptionList
  warnings: string[]
} {
  const seen = new Set<string>()
  const warnings: string[] = []
  const feeds = list.feeds.filter((feed) => {
    const key = normalizeFeedUrl(feed.url)
    if (!seen.has(key)) return seen.add(key)
    warnings.push(`listed twice, read once: ${redactUrl(feed.url)}`)
    return false
  })
  return { list: { ...list, feeds }, warnings }
}

/** The form two spellings of one feed URL share (host case, default port, no fragment). */
export function normalizeFeedUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.hash = ''
    return parsed.href
  } catch {
    return url
  }
}
