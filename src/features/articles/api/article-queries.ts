import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { DATA_ROOT } from '@/config/paths'
import {
  dataPaths,
  parseArticle,
  parseListPage,
  type ListPage,
  type ListRef,
} from '@/lib/article-schema'
import { fetchJson } from '@/lib/data-client'

/** Fetches page `page` (1-based) of a list. */
export function fetchListPage(
  list: Pick<ListRef, 'base'>,
  page: number,
  signal?: AbortSignal,
) {
  return fetchJson(
    DATA_ROOT + dataPaths.page(list, page),
    parseListPage,
    signal,
  )
}

/** Fetches one full article. */
export function fetchArticle(id: string, signal?: AbortSignal) {
  return fetchJson(DATA_ROOT + dataPaths.article(id), parseArticle, signal)
}

function nextPage(last: ListPage): number | undefined {
  const { page, pages } = last._zixun
  return page < pages ? page + 1 : undefined
}

export const articleQueries = {
  all: () => ['articles'] as const,
  /** The pages of one list; `base` is its ListRef's content-hashed folder. */
  list: (base: string) =>
    infiniteQueryOptions({
      queryKey: [...articleQueries.all(), 'list', base] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchListPage({ base }, pageParam, signal),
      initialPageParam: 1,
      getNextPageParam: nextPage,
      // Page files live in content-hashed folders: they never change, so
      // neither refetching nor deep-comparing every loaded page is needed.
      staleTime: Infinity,
      structuralSharing: false,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => fetchArticle(id, signal),
    }),
}
