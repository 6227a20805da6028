import {
  isRouteErrorResponse,
  useRevalidator,
  useRouteError,
} from 'react-router'
import { ErrorView } from '@/components/error-view'
import { DATA_ROOT } from '@/config/paths'
import { NotFoundView } from '@/components/not-found-view'
import { OfflineArticleView } from '@/features/offline/components/offline-article-view'
import { DataError } from '@/lib/data-client'

function isNotFound(error: unknown): boolean {
  if (isRouteErrorResponse(error)) return error.status === 404
  return error instanceof DataError && error.isNotFound
}

/** An article the network could not deliver and no cache of ours holds. */
function isOfflineArticle(error: unknown): boolean {
  return (
    error instanceof DataError &&
    error.status === 0 &&
    error.url.startsWith(`${DATA_ROOT}articles/`)
  )
}

/**
 * Unknown things get the 404 view; an article that is not available
 * offline says so; anything else an error with Retry.
 */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  if (isNotFound(error)) return <NotFoundView />
  if (isOfflineArticle(error)) {
    return <OfflineArticleView onRetry={() => void revalidator.revalidate()} />
  }
  const detail = error instanceof Error ? error.message : undefined
  return (
    <ErrorView onRetry={() => void revalidator.revalidate()} detail={detail} />
  )
}
