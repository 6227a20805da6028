import type { QueryClient } from '@tanstack/react-query'
import type { LoaderFunction, RouteObject } from 'react-router'
import { LoadingView } from '@/components/loading-view'
import { paths } from '@/config/paths'
import { NotFoundView } from '@/components/not-found-view'
import { RouteErrorBoundary } from './routes/route-error-boundary'

type RouteModule = {
  default: React.ComponentType
  clientLoader?: (queryClient: QueryClient) => LoaderFunction
}

/** Turns a lazy route module into route properties bound to the app's QueryClient. */
function convert(queryClient: QueryClient) {
  return ({ default: Component, clientLoader }: RouteModule) => ({
    Component,
    loader: clientLoader?.(queryClient),
  })
}

/** The route table; tests mount it with createMemoryRouter. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const load = convert(queryClient)
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
            { path: '*', Component: NotFoundView },
          ],
        },
      ],
    },
  ]
}
