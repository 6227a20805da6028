import { createContext, use, useEffect, useMemo } from 'react'
import type { ReactNode } from 'react'
import { DEFAULT_LANGUAGE, messagesFor } from '@/config/messages'
import type { Language, Messages } from '@/config/messages'
import { formatFixedDate, formatLocalDate } from './format-date'
import { usePreferences } from './preferences'
import { useHydrated } from './use-hydrated'

type Locale = {
  language: Language
  messages: Messages
  /**
   * How dates are written: `fixed` UTC on the server and while hydrating
   * (what the prerendered page holds), `local` in the browser after that.
   */
  dates: 'fixed' | 'local'
  formatDate: (iso: string) => string
}

const LocaleContext = createContext<Locale | null>(null)

export type LocaleProviderProps = {
  /**
   * The reader's language when they chose none (`pickLanguage` of the
   * browser's languages), used once the app runs in the browser.
   */
  language: Language
  children: ReactNode
}

/**
 * Interface text and dates for everything below. On the server and while
 * hydrating, the site's language (`DEFAULT_LANGUAGE`) and fixed UTC dates,
 * so a prerendered page is exactly what the app draws first; right after
 * hydration, or at once on a page that was not prerendered, the language
 * the reader chose in the settings (else `language`) and local dates.
 * `<html lang>` follows.
 */
export function LocaleProvider({ language, children }: LocaleProviderProps) {
  const hydrated = useHydrated()
  const chosen = usePreferences().preferences.language
  const active = hydrated ? (chosen ?? language) : DEFAULT_LANGUAGE
  const locale = useMemo(
    (): Locale => ({
      language: active,
      messages: messagesFor(active),
      dates: hydrated ? 'local' : 'fixed',
      formatDate: hydrated
        ? (iso) => formatLocalDate(iso, active)
        : formatFixedDate,
    }),
    [active, hydrated],
  )
  useEffect(() => {
    document.documentElement.lang = active
  }, [active])
  return <LocaleContext value={locale}>{children}</LocaleContext>
}

/** The language, text and date style being shown. */
export function useLocale(): Locale {
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
