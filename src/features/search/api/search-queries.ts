import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { DATA_ROOT } from '@/config/paths'
import { fetchJson } from '@/lib/data-client'
import {
  parseSearchMeta,
  searchPaths,
  type SearchMeta,
} from '@/lib/search/search-schema'
import { fetchSavedResultPage, type SavedRequest } from './saved-search'
import {
  fetchResultPage,
  indexVersion,
  type ArticleSource,
  type ResultPage,
  type SearchRequest,
} from './search-session'

export const searchQueries = {
  all: () => ['search'] as const,
  /** `search/index.json`, fetched only when someone searches (not with the manifest). */
  meta: () =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'meta'] as const,
      queryFn: ({ signal }) =>
        fetchJson(DATA_ROOT + searchPaths.meta, parseSearchMeta, signal),
      staleTime: 60_000,
    }),
  /**
   * A search's pages of results over one version of the index. `source`
   * loads articles (through the articles' own queries, so an opened result
   * is already there); it is a dependency, not part of what is asked.
   */
  results: (meta: SearchMeta, request: SearchRequest, source: ArticleSource) =>
    // The index's version stands for `meta`; `source` is how, not what.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    infiniteQueryOptions({
      queryKey: [
        ...searchQueries.all(),
        'results',
        indexVersion(meta),
        request,
      ] as const,
      queryFn: ({ pageParam }) =>
        fetchResultPage(meta, request, pageParam, source),
      initialPageParam: 0,
      getNextPageParam: (last: ResultPage) =>
        last.done ? undefined : last.page + 1,
      // The index files never change under a version: neither do its results.
      staleTime: Infinity,
      retry: false,
    }),
  /** A search of the saved articles (their ids are part of what is asked). */
  savedResults: (request: SavedRequest, source: ArticleSource) =>
    // `source` is how, not what.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    infiniteQueryOptions({
      queryKey: [...searchQueries.all(), 'saved', request] as const,
      queryFn: ({ pageParam }) =>
        fetchSavedResultPage(request, pageParam, source),
      initialPageParam: 0,
      getNextPageParam: (last: ResultPage) =>
        last.done ? undefined : last.page + 1,
      retry: false,
    }),
}
