import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { Language } from '@/config/messages'
import { KeyMap } from '@/lib/key-map'
import { LocaleProvider } from '@/lib/locale'
import { KeyMapProvider } from '@/lib/use-key-bindings'

export type AppProviderProps = {
  queryClient: QueryClient
  /** The reader's interface language unless they chose one (see `LocaleProvider`). */
  language: Language
  children: ReactNode
}

/** What every view needs around it, in the browser and in the prerenderer alike. */
export function AppProvider({
  queryClient,
  language,
  children,
}: AppProviderProps) {
  // One key map for the whole app: every feature registers its keys there.
  const [keyMap] = useState(() => new KeyMap())
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider language={language}>
        <KeyMapProvider keyMap={keyMap}>{children}</KeyMapProvider>
      </LocaleProvider>
    </QueryClientProvider>
  )
}
