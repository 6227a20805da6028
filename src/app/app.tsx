import { createBrowserRouter, RouterProvider } from 'react-router'
import { pickLanguage } from '@/config/messages'
import { createQueryClient } from '@/lib/query-client'
import { createBrowserReadingSlot } from '@/lib/reading/use-reading'
import { AppProvider } from './provider'
import { createAppRouter } from './router'
import { keepSavedArticlesOffline } from './saved-offline'

const queryClient = createQueryClient()
const reading = createBrowserReadingSlot()
const router = createAppRouter(queryClient, reading, createBrowserRouter)
const language = pickLanguage(navigator.languages)
// Saving an article keeps it for offline reading too (decision 023).
void reading.ready().then((store) => keepSavedArticlesOffline(store))

export function App() {
  return (
    <AppProvider
      queryClient={queryClient}
      language={language}
      reading={reading}
    >
      <RouterProvider router={router} />
    </AppProvider>
  )
}

/**
 * Resolves once the router has loaded the first route's code and data
 * (or its error), with whether it failed. `main.tsx` waits for it before
 * taking over a prerendered page, so the first render has everything the
 * prerenderer had and the headline never gives way to a spinner.
 */
export function whenRouterReady(): Promise<{ failed: boolean }> {
  return new Promise((resolve) => {
    const done = () => resolve({ failed: router.state.errors !== null })
    if (router.state.initialized) return done()
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return
      unsubscribe()
      done()
    })
  })
}
