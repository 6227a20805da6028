import type { FeedHistory } from '../../cache/feed-history.ts'
import type { HttpClient } from '../../read/fetch/http-client.ts'
import { fetchFullText } from '../../read/subscriptions/full-text.ts'
import type { StoredItem } from '../../read/subscriptions/stored-items.ts'

/** Article pages this run may still fetch, all feeds together (`--full-text-limit`). */
export type FullTextBudget = { left: number }

/**
 * Fetches the article page of each new or changed item (up to the budget
 * left) and stores its main text beside the feed's own body; a page that
 * gives none is remembered, so it is not asked again until the item
 * changes. Returns how many pages gave text and how many did not.
 */
export async function fetchFullTexts(
  history: FeedHistory,
  keys: string[],
  context: { client: HttpClient; fullText: FullTextBudget },
): Promise<{ fetched: number; failed: number; firstFailure?: string }> {
  const take = keys.slice(0, Math.max(0, context.fullText.left))
  context.fullText.left -= take.length
  const items = history.read(take)
  const done = new Map<string, StoredItem>()
  let fetched = 0
  await Promise.all(
    [...items].map(async ([key, item]) => {
      const link = absolute(item.data.link, history.meta?.site)
      if (!link) {
        done.set(key, { ...item, fullTextFailed: 'no absolute link to fetch' })
        return
      }
      const result = await fetchFullText(context.client, link)
      if ('html' in result) {
        fetched++
        done.set(key, { ...item, fullHtml: result.html })
      } else done.set(key, { ...item, fullTextFailed: result.reason })
    }),
  )
  await history.update(done)
  const firstFailure = [...done.values()].find(
    (i) => i.fullTextFailed,
  )?.fullTextFailed
  return {
    fetched,
    failed: done.size - fetched,
    ...(firstFailure ? { firstFailure } : {}),
  }
}

function absolute(link: unknown, base: string | undefined): string | undefined {
  if (typeof link !== 'string') return undefined
  try {
    const url = new URL(link.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.href
      : undefined
  } catch {
    return undefined
  }
}
