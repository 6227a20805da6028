import { queryOptions } from '@tanstack/react-query'
import { DATA_ROOT } from '@/config/paths'
import { dataPaths, parseManifest } from './article-schema'
import { fetchJson } from './data-client'

/** The manifest is the one revalidated file every view starts from. */
export const manifestQueries = {
  all: () => ['manifest'] as const,
  get: () =>
    queryOptions({
      queryKey: manifestQueries.all(),
      queryFn: ({ signal }) =>
        fetchJson(DATA_ROOT + dataPaths.manifest, parseManifest, signal),
      staleTime: 60_000,
    }),
}
