import { render } from '@testing-library/react'
import type { InitialEntry } from 'react-router'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { AppProvider } from '@/app/provider'
import { createAppRouter } from '@/app/router'
import { pickLanguage } from '@/config/languages'
import { createQueryClient } from '@/lib/query-client'
import { ReadingSlot } from '@/lib/reading/reading-slot'
import type { ReadingStore } from '@/lib/reading/reading-store'
import { createTestReadingStore } from './reading-store'

/**
 * Mounts the real route table with a fresh QueryClient (no retries) in a
 * memory history holding `entries`, open at the last one. The first entry's
 * key is `default`, as in a browser tab whose history state is empty.
 * The reading store is IndexedDB (fake-indexeddb, emptied for each test)
 * unless `reading` is given.
 */
export function renderApp(
  entries: InitialEntry | InitialEntry[],
  { reading = createTestReadingStore() }: { reading?: ReadingStore } = {},
) {
  const history = Array.isArray(entries) ? entries : [entries]
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  const slot = ReadingSlot.of(reading)
  const router = createAppRouter(queryClient, slot, (routes) =>
    createMemoryRouter(routes, {
      initialEntries: history,
      initialIndex: history.length - 1,
    }),
  )
  const view = render(
    <AppProvider
      queryClient={queryClient}
      language={pickLanguage(navigator.languages)}
      reading={slot}
    >
      <RouterProvider router={router} />
    </AppProvider>,
  )
  return { ...view, router, queryClient, reading }
}
