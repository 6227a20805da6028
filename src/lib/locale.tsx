import { createContext, use, useEffect, useMemo } from 'react'
import type { ReactNode } from 'react'
import { messagesFor } from '@/config/messages'
import { DEFAULT_LANGUAGE } from '@/config/languages'
import type { Messages } from '@/config/messages'
import type { Language } from '@/config/languages'
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

/** What the server writes and hydration finds: the site's language, fixed UTC dates. */
const SITE_LOCALE: Locale = {
  language: DEFAULT_LANGUAGE,
  messages: messagesFor(DEFAULT_LANGUAGE),
  dates: 'fixed',
  formatDate: formatFixedDate,
}

/**
 * Interface text and dates for everything below. On the server and while
 * hydrating, the site's language (`DEFAULT_LANGUAGE`) and fixed UTC dates,
 * so a prerendered page is exactly what the app draws first; once
 * hydrated (`useHydrated()` where the text is used: the frame first, then
 * each `HydrationPart` in its turn), or at once on a page that was not
 * prerendered, the language the reader chose in the settings (else
 * `language`) and local dates. `<html lang>` names that language from
 * the start (the boot script sets it) and follows the reader's choice.
 */
export function LocaleProvider({ language, children }: LocaleProviderProps) {
  const chosen = usePreferences().preferences.language
  const active = chosen ?? language
  const locale = useMemo(
    (): Locale => ({
      language: active,
      messages: messagesFor(active),
      dates: 'local',
      formatDate: (iso) => formatLocalDate(iso, active),
    }),
    [active],
  )
  // The boot script set it before the page was parsed (decision 029); it
  // changes when the reader picks another language. Not while hydrating:
  // the stored choice is not read yet.
  const hydrated = useHydrated()
  useEffect(() => {
    const root = document.documentElement
    if (hydrated && root.lang !== active) root.lang = active
  }, [hydrated, active])
  return <LocaleContext value={locale}>{children}</LocaleContext>
}

/** The language, text and date style being shown. */
export function useLocale(): Locale {
  const locale = use(LocaleContext)
  const hydrated = useHydrated()
  if (!locale) throw new Error('useMessages needs a <LocaleProvider>')
  return hydrated ? locale : SITE_LOCALE
}

/** The interface text in the language being shown. */
export function useMessages(): Messages {
  return useLocale().messages
}

/** Formats an RFC 3339 date for display (fixed UTC until hydrated). */
export function useFormatDate(): (iso: string) => string {
  return useLocale().formatDate
}
