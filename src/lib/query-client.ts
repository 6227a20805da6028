import { QueryClient } from '@tanstack/react-query'
import { DataError } from './data-client'

/** The app's QueryClient: static data changes rarely; 404s are final. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        gcTime: 30 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof DataError && error.isNotFound) && failureCount < 2,
      },
    },
  })
}
