import { createBrowserRouter, RouterProvider } from 'react-router'
import { createQueryClient } from '@/lib/query-client'
import { AppProvider } from './provider'
import { createRoutes } from './router'

const queryClient = createQueryClient()
const router = createBrowserRouter(createRoutes(queryClient))

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
