import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { Language } from '@/config/languages'
import { KeyMap } from '@/lib/key-map'
import { LocaleProvider } from '@/lib/locale'
import type { ReadingSlot } from '@/lib/reading/reading-slot'
import { ReadingProvider } from '@/lib/reading/use-reading'
import { HydratedProvider } from '@/lib/use-hydrated'
import { KeyMapProvider } from '@/lib/use-key-bindings'

export type AppProviderProps = {
  queryClient: QueryClient
  /** The reader's interface language unless they chose one (see `LocaleProvider`). */
  language: Language
  /** The reader's state on this device (read marks, saved articles). */
  reading: ReadingSlot
  children: ReactNode
}

/** What every view needs around it, in the browser and in the prerenderer alike. */
export function AppProvider({
  queryClient,
  language,
  reading,
  children,
}: AppProviderProps) {
  // One key map for the whole app: every feature registers its keys there.
  const [keyMap] = useState(() => new KeyMap())
  return (
    <HydratedProvider>
      <QueryClientProvider client={queryClient}>
        <LocaleProvider language={language}>
          <ReadingProvider slot={reading}>
            <KeyMapProvider keyMap={keyMap}>{children}</KeyMapProvider>
          </ReadingProvider>
        </LocaleProvider>
      </QueryClientProvider>
    </HydratedProvider>
  )
}
