import type { QueryClient } from '@tanstack/react-query'
import type {
  DataRouter,
  LoaderFunction,
  Location,
  RouteObject,
} from 'react-router'
import { LoadingView } from '@/components/loading-view'
import { paths } from '@/config/paths'
import { NotFoundView } from '@/components/not-found-view'
import { RouteErrorBoundary } from './routes/route-error-boundary'

/**
 * The location a loader is loading, with what its URL alone does not say:
 * `key` names the history entry (a new one after a link, the entry's own on
 * Back, Forward and reload) and `state` is what the link carried.
 */
export type LoadingLocation = () => Location

type RouteModule = {
  default: React.ComponentType
  clientLoader?: (
    queryClient: QueryClient,
    loading: LoadingLocation,
  ) => LoaderFunction
}

/** Turns a lazy route module into route properties bound to the app's QueryClient. */
function convert(queryClient: QueryClient, loading: LoadingLocation) {
  return ({ default: Component, clientLoader }: RouteModule) => ({
    Component,
    loader: clientLoader?.(queryClient, loading),
  })
}

/** The route table; `createAppRouter` gives it to a router. */
export function createRoutes(
  queryClient: QueryClient,
  loading: LoadingLocation,
): RouteObject[] {
  const load = convert(queryClient, loading)
  return [
    {
      id: 'root',
      lazy: () => import('./routes/root').then(load),
      HydrateFallback: LoadingView,
      ErrorBoundary: RouteErrorBoundary,
      children: [
        {
          ErrorBoundary: RouteErrorBoundary,
          children: [
            {
              index: true,
              lazy: () => import('./routes/article-list').then(load),
            },
            {
              path: paths.category.path,
              lazy: () => import('./routes/article-list').then(load),
            },
            {
              path: paths.article.path,
              lazy: () => import('./routes/article-detail').then(load),
            },
            {
              path: paths.search.path,
              lazy: () => import('./routes/search').then(load),
            },
            { path: '*', Component: NotFoundView },
          ],
        },
      ],
    },
  ]
}

/**
 * Creates the router with `create` (`createBrowserRouter` in the app,
 * `createMemoryRouter` in tests) over the real route table. Loaders are
 * given the router's own view of the location they load: the navigation in
 * progress, or the current location on the first load and on revalidation.
 */
export function createAppRouter(
  queryClient: QueryClient,
  create: (routes: RouteObject[]) => DataRouter,
): DataRouter {
  // Route modules are lazy: no loader runs before `create` returns.
  const loading: LoadingLocation = () =>
    router.state.navigation.location ?? router.state.location
  const router = create(createRoutes(queryClient, loading))
  return router
}
