import { useHydratedStore } from './use-hydrated'
import {
  isLanguage,
  LANGUAGE_KEY,
  readStoredLanguage,
  type Language,
} from '@/config/languages'
import {
  applyLook,
  DEFAULT_LOOK,
  isLookValue,
  LOOK_SETTINGS,
  readLook,
  type Look,
  type LookName,
} from './look'

/** What the reader chose for this device. */
export type Preferences = Look & {
  /** The interface language; null follows the browser's. */
  language: Language | null
}

export type PreferenceName = keyof Preferences

export type PreferencesState = {
  preferences: Preferences
  /**
   * False when the browser refused to store a choice (storage disabled,
   * full): choices then last until the page is closed.
   */
  persistent: boolean
}

const DEFAULTS: PreferencesState = {
  preferences: { ...DEFAULT_LOOK, language: null },
  persistent: true,
}

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function readStored(): Preferences {
  const store = storage()
  return { ...readLook(store), language: readStoredLanguage(store) }
}

let state: PreferencesState | undefined
const listeners = new Set<() => void>()

function current(): PreferencesState {
  state ??= {
    preferences: readStored(),
    persistent: storage() !== null,
  }
  return state
}

function publish(next: PreferencesState) {
  const changed = !samePreferences(state?.preferences, next.preferences)
  state = changed || next.persistent !== state?.persistent ? next : state
  applyLook(document.documentElement, next.preferences)
  if (state === next) for (const listener of listeners) listener()
}

function samePreferences(a: Preferences | undefined, b: Preferences) {
  return !!a && (Object.keys(b) as PreferenceName[]).every((k) => a[k] === b[k])
}

// Another tab changed a choice (or cleared storage): follow it.
function onStorage(event: StorageEvent) {
  if (event.key !== null && !event.key.startsWith('zixun:')) return
  publish({ ...current(), preferences: readStored() })
}

function subscribe(onChange: () => void) {
  if (listeners.size === 0) {
    window.addEventListener('storage', onStorage)
    // A change another tab made between the boot script and now.
    publish({ ...current(), preferences: readStored() })
  }
  listeners.add(onChange)
  return () => {
    listeners.delete(onChange)
    if (listeners.size === 0) window.removeEventListener('storage', onStorage)
  }
}

function keyOf(name: PreferenceName): string {
  return name === 'language' ? LANGUAGE_KEY : LOOK_SETTINGS[name].key
}

function isDefault(name: PreferenceName, value: unknown): boolean {
  return value === DEFAULTS.preferences[name]
}

/**
 * Stores the reader's choice and applies it at once (the look on `<html>`,
 * the language through `useReaderLanguage`). A default is stored as
 * nothing. Invalid values are refused. When the browser will not store it,
 * the choice still applies for this page and `persistent` turns false.
 */
export function setPreference<N extends PreferenceName>(
  name: N,
  value: Preferences[N],
): void {
  const valid =
    name === 'language'
      ? value === null || isLanguage(value)
      : isLookValue(name as LookName, value)
  if (!valid) throw new Error(`Not a value of ${name}: ${String(value)}`)
  let persistent = current().persistent
  try {
    const store = storage()
    if (!store) throw new Error('no storage')
    if (isDefault(name, value)) store.removeItem(keyOf(name))
    else store.setItem(keyOf(name), String(value))
  } catch {
    persistent = false
  }
  publish({
    preferences: { ...current().preferences, [name]: value },
    persistent,
  })
}

/**
 * The reader's preferences, re-rendering on change (here or in another
 * tab). The server render, hydration and the render before the switch
 * after hydration see the defaults, as the prerendered page was written
 * with them.
 */
export function usePreferences(): PreferencesState {
  return useHydratedStore(subscribe, current, () => DEFAULTS)
}

/** Forgets the cached state (tests that change storage behind its back). */
export function resetPreferencesForTests(): void {
  state = undefined
}
