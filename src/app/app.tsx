import { createBrowserRouter, RouterProvider } from 'react-router'
import { pickLanguage } from '@/config/languages'
import { PRERENDERED_META } from '@/config/shell'
import { readListPlace } from '@/lib/entry-snapshots'
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

/**
 * A pathname compared by what it names: each segment decoded (so `%2F`
 * inside a category name stays apart from a `/` between names), without a
 * trailing slash.
 */
function samePage(a: string, b: string): boolean {
  const plain = (pathname: string) => {
    try {
      const segments = pathname.replace(/(.)\/+$/, '$1').split('/')
      return JSON.stringify(segments.map((part) => decodeURIComponent(part)))
    } catch {
      return pathname
    }
  }
  return plain(a) === plain(b)
}

/**
 * Whether the router, now ready, will first render exactly the markup the
 * prerenderer wrote into this page (`PRERENDERED_META` names its URL): the
 * same page, no query, and for a list no remembered place beyond its first
 * page (Back and reload deep in a list load more pages). Only then can
 * `main.tsx` hydrate it; otherwise it renders the page afresh.
 */
export function matchesPrerenderedPage(): boolean {
  const prerendered = document
    .querySelector(`meta[name="${PRERENDERED_META}"]`)
    ?.getAttribute('content')
  const { pathname, search, key } = router.state.location
  if (!prerendered || search !== '' || !samePage(prerendered, pathname)) {
    return false
  }
  const place = readListPlace(key, pathname)
  return !place || place.pages <= 1
}
