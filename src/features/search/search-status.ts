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
  },
): string {
  const { query, searching, failed, estimate } = state
  if (query.problem || failed) return ''
  if (searching || !estimate) return messages.searching
  return messages.searchCount(estimate.count, estimate.exact)
}
