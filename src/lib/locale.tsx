import { createContext, use, useEffect, useMemo } from 'react'
import type { ReactNode } from 'react'
import { DEFAULT_LANGUAGE, messagesFor } from '@/config/messages'
import type { Language, Messages } from '@/config/messages'
import { formatFixedDate, formatLocalDate } from './format-date'
import { useHydrated } from './use-hydrated'

type Locale = {
  language: Language
  messages: Messages
  formatDate: (iso: string) => string
}

const LocaleContext = createContext<Locale | null>(null)

export type LocaleProviderProps = {
  /** The reader's language, used once the app runs in the browser. */
  language: Language
  children: ReactNode
}

/**
 * Interface text and dates for everything below. On the server and while
 * hydrating, the site's language (`DEFAULT_LANGUAGE`) and fixed UTC dates,
 * so a prerendered page is exactly what the app draws first; right after
 * hydration, or at once on a page that was not prerendered, the reader's
 * `language` and local dates. `<html lang>` follows.
 */
export function LocaleProvider({ language, children }: LocaleProviderProps) {
  const hydrated = useHydrated()
  const active = hydrated ? language : DEFAULT_LANGUAGE
  const locale = useMemo(
    () => ({
      language: active,
      messages: messagesFor(active),
      formatDate: hydrated ? formatLocalDate : formatFixedDate,
    }),
    [active, hydrated],
  )
  useEffect(() => {
    document.documentElement.lang = active
  }, [active])
  return <LocaleContext value={locale}>{children}</LocaleContext>
}

function useLocale(): Locale {
  const locale = use(LocaleContext)
  if (!locale) throw new Error('useMessages needs a <LocaleProvider>')
  return locale
}

/** The interface text in the language being shown. */
export function useMessages(): Messages {
  return useLocale().messages
}

/** Formats an RFC 3339 date for display (fixed UTC until hydrated). */
export function useFormatDate(): (iso: string) => string {
  return useLocale().formatDate
}
