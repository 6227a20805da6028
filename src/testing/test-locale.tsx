import { useState, type ReactNode } from 'react'
import { KeyMap } from '@/lib/key-map'
import { LocaleProvider } from '@/lib/locale'
import { KeyMapProvider } from '@/lib/use-key-bindings'

/**
 * What components find around them in the app, for unit tests of single
 * components (a `render` wrapper): the LocaleProvider in English (the
 * tests' browser) and a key map of their own.
 */
export function TestLocale({ children }: { children: ReactNode }) {
  const [keyMap] = useState(() => new KeyMap())
  return (
    <LocaleProvider language="en">
      <KeyMapProvider keyMap={keyMap}>{children}</KeyMapProvider>
    </LocaleProvider>
  )
}
