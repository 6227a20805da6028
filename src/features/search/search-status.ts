import type { Messages } from '@/config/messages'
import type { Estimate } from '@/lib/search/engine'
import type { ParsedQuery } from '@/lib/search/parse-query'

/**
 * What the search's live region says: the result count (exact, or
 * "about" while the engine has not settled every candidate), that it is
 * searching, or nothing (the page says why there is nothing to search).
 */
export function searchStatus(
  messages: Messages,
  state: {
    query: ParsedQuery
    searching: boolean
    failed: boolean
    estimate?: Estimate
    /** Nothing found yet in this many articles, and the engine paused. */
    paused?: number
  },
): string {
  const { query, searching, failed, estimate, paused } = state
  if (query.problem || failed) return ''
  if (searching || !estimate) return messages.searching
  if (paused !== undefined && estimate.count === 0)
    return messages.searchBudget(paused)
  return messages.searchCount(estimate.count, estimate.exact)
}
