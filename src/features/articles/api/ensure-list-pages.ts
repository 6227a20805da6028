import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { ListPage, ListRef } from '@/lib/article-schema'
import { articleQueries, fetchListPage } from './article-queries'

/**
 * Makes sure pages 1..`pages` of `list` are in the cache (at least page 1,
 * at most the list's last page). Page files are addressable, so missing
 * pages are fetched in parallel rather than one `next_url` at a time: a
 * reload deep in a long list costs one round trip, not N.
 */
export async function ensureListPages(
  queryClient: QueryClient,
  list: Pick<ListRef, 'base' | 'pages'>,
  pages: number,
): Promise<InfiniteData<ListPage, number>> {
  const options = articleQueries.list(list.base)
  const wanted = Math.max(1, Math.min(Math.floor(pages) || 1, list.pages))
  const cached = queryClient.getQueryData(options.queryKey)
  const have = cached?.pages.length ?? 0
  if (wanted <= 1 || have >= wanted) {
    return queryClient.ensureInfiniteQueryData(options)
  }
  const missing = Array.from({ length: wanted - have }, (_, i) => have + i + 1)
  const fetched = await Promise.all(
    missing.map((page) => fetchListPage(list, page)),
  )
  const data: InfiniteData<ListPage, number> = {
    pages: [...(cached?.pages ?? []), ...fetched],
    pageParams: [...((cached?.pageParams ?? []) as number[]), ...missing],
  }
  queryClient.setQueryData(options.queryKey, data)
  return data
}
