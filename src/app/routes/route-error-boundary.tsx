import {
  isRouteErrorResponse,
  useRevalidator,
  useRouteError,
} from 'react-router'
import { ErrorView } from '@/components/error-view'
import { NotFoundView } from '@/components/not-found-view'
import { DataError } from '@/lib/data-client'

function isNotFound(error: unknown): boolean {
  if (isRouteErrorResponse(error)) return error.status === 404
  return error instanceof DataError && error.isNotFound
}

/** Unknown things get the 404 view; anything else an error with Retry. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  if (isNotFound(error)) return <NotFoundView />
  const detail = error instanceof Error ? error.message : undefined
  return (
    <ErrorView onRetry={() => void revalidator.revalidate()} detail={detail} />
  )
}
