import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { ListPage, ListRef } from '@/lib/article-schema'
import { articleQueries } from './article-queries'

/**
 * Makes sure the list query of `list` holds pages 1..`pages` (at least
 * page 1, at most the list's last page). Page files are addressable, so the
 * missing ones are fetched at once rather than one `next_url` at a time: a
 * reload deep in a long list costs one round trip, not N. The list query
 * then reads them from the cache, in order, through its own queryFn.
 */
export async function ensureListPages(
  queryClient: QueryClient,
  list: Pick<ListRef, 'base' | 'pages'>,
  pages: number,
): Promise<InfiniteData<ListPage, number>> {
  const options = articleQueries.list(list.base)
  const wanted = Math.max(1, Math.min(Math.floor(pages) || 1, list.pages))
  const have = queryClient.getQueryData(options.queryKey)?.pages.length ?? 0
  if (have >= wanted || wanted === 1) {
    return queryClient.ensureInfiniteQueryData(options)
  }
  await Promise.all(
    Array.from({ length: wanted }, (_, i) =>
      queryClient.ensureQueryData(articleQueries.listPage(list.base, i + 1)),
    ),
  )
  // Fresh data never refetches: `staleTime: 0` makes this call read `wanted`
  // pages even when fewer are cached.
  return queryClient.infiniteQuery({ ...options, pages: wanted, staleTime: 0 })
}
