import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { AppProvider } from '@/app/provider'
import { createRoutes } from '@/app/router'
import { pickLanguage } from '@/config/messages'
import { createQueryClient } from '@/lib/query-client'

/** Mounts the real route table at `url` with a fresh QueryClient (no retries). */
export function renderApp(url: string) {
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  const router = createMemoryRouter(createRoutes(queryClient), {
    initialEntries: [url],
  })
  const view = render(
    <AppProvider
      queryClient={queryClient}
      language={pickLanguage(navigator.languages)}
    >
      <RouterProvider router={router} />
    </AppProvider>,
  )
  return { ...view, router, queryClient }
}
