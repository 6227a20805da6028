import { useInfiniteQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { ArticleSummary } from '@/lib/article-schema'
import { articleQueries } from './article-queries'

/** How far a list is searched for an article it was not opened from. */
const MAX_SEARCH_PAGES = 10

export type ListNeighbours = {
  previous?: ArticleSummary
  next?: ArticleSummary
}

/**
 * The articles before and after `article` in the list at `base`, read from
 * the list's cached pages. When the article is the last one loaded, the next
 * page is fetched; when it is not loaded at all (a cold load), pages are
 * fetched while they are still newer than it, up to a small limit.
 */
export function useListNeighbours(
  base: string,
  article: Pick<ArticleSummary, 'id' | 'date_published'>,
): ListNeighbours {
  const query = useInfiniteQuery(articleQueries.list(base))
  const pages = query.data?.pages ?? []
  const items = pages.flatMap((page) => page.items)
  const index = items.findIndex((item) => item.id === article.id)
  const last = items.at(-1)
  const stillNewer =
    last !== undefined &&
    Date.parse(last.date_published) >= Date.parse(article.date_published)
  const wantsMore =
    index === -1
      ? stillNewer && pages.length < MAX_SEARCH_PAGES
      : index === items.length - 1
  const canFetch =
    query.hasNextPage && !query.isFetching && !query.isFetchNextPageError
  const shouldFetch = wantsMore && canFetch
  const { fetchNextPage } = query
  useEffect(() => {
    if (shouldFetch) void fetchNextPage()
  }, [shouldFetch, fetchNextPage])
  if (index === -1) return {}
  return { previous: items[index - 1], next: items[index + 1] }
}
