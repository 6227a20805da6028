import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { Language } from '@/config/messages'
import { LocaleProvider } from '@/lib/locale'

export type AppProviderProps = {
  queryClient: QueryClient
  /** The reader's interface language (see `LocaleProvider`). */
  language: Language
  children: ReactNode
}

/** What every view needs around it, in the browser and in the prerenderer alike. */
export function AppProvider({
  queryClient,
  language,
  children,
}: AppProviderProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider language={language}>{children}</LocaleProvider>
    </QueryClientProvider>
  )
}
