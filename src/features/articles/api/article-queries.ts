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
import { findNeighbours } from './find-neighbours'

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
  /**
   * The pages of one list, as the list view shows them; `base` is its
   * ListRef's content-hashed folder. Each page is read through `listPage`,
   * so pages fetched at once (`ensureListPages`) or for previous/next are
   * not fetched again.
   */
  list: (base: string) =>
    infiniteQueryOptions({
      queryKey: [...articleQueries.all(), 'list', base] as const,
      queryFn: ({ pageParam, client }) =>
        client.ensureQueryData(articleQueries.listPage(base, pageParam)),
      initialPageParam: 1,
      getNextPageParam: nextPage,
      // Page files live in content-hashed folders: they never change, so
      // neither refetching nor deep-comparing every loaded page is needed.
      staleTime: Infinity,
      structuralSharing: false,
    }),
  /** Page `page` (1-based) of the list at `base`: one file, never changed. */
  listPage: (base: string, page: number) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'list', base, 'page', page] as const,
      queryFn: ({ signal }) => fetchListPage({ base }, page, signal),
      staleTime: Infinity,
      structuralSharing: false,
    }),
  /** The articles before and after article `id` in the list at `base`. */
  neighbours: (base: string, id: string) =>
    queryOptions({
      queryKey: [
        ...articleQueries.all(),
        'list',
        base,
        'neighbours',
        id,
      ] as const,
      queryFn: async ({ client }) => {
        const page = (n: number) => articleQueries.listPage(base, n)
        const article = await client.ensureQueryData(articleQueries.detail(id))
        return findNeighbours(article, {
          read: (n) => client.ensureQueryData(page(n)),
          isCached: (n) => client.getQueryData(page(n).queryKey) !== undefined,
        })
      },
      staleTime: Infinity,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => fetchArticle(id, signal),
    }),
}
