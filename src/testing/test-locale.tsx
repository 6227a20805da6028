import type { ReactNode } from 'react'
import { LocaleProvider } from '@/lib/locale'

/** The app's LocaleProvider in English (the tests' browser), as a `render` wrapper. */
export function TestLocale({ children }: { children: ReactNode }) {
  return <LocaleProvider language="en">{children}</LocaleProvider>
}
