import { createBrowserRouter, RouterProvider } from 'react-router'
import { createQueryClient } from '@/lib/query-client'
import { AppProvider } from './provider'
import { createAppRouter } from './router'

const queryClient = createQueryClient()
const router = createAppRouter(queryClient, createBrowserRouter)

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}

/**
 * Resolves once the router has loaded the first route's code and data
 * (or its error). `main.tsx` waits for it before replacing a prerendered
 * page, so the headline never gives way to a spinner.
 */
export function whenRouterReady(): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve()
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return
      unsubscribe()
      resolve()
    })
  })
}
