import type { Messages } from '@/config/messages'
import type { ReadingStore } from '@/lib/reading/reading-store'
import {
  buildSavedFeed,
  buildStateFile,
  MAX_STATE_FILE_BYTES,
  mergeStates,
  parseStateFile,
  SETTINGS_PREFIX,
  type Refusal,
} from '@/lib/reading/state-file'

/** The `zixun:` settings in localStorage (theme, type, language, reading…). */
export function readSettings(
  storage: Storage = localStorage,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    const value = key?.startsWith(SETTINGS_PREFIX) ? storage.getItem(key) : null
    if (key && value !== null) out[key] = value
  }
  return out
}

/** Offers `data` as a file download named `name`. */
export function download(name: string, data: object) {
  const blob = new Blob([JSON.stringify(data, null, 2)], {
    type: 'application/json',
  })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Everything, as one file. */
export async function exportAll(store: ReadingStore) {
  await store.ready()
  const now = new Date()
  const file = buildStateFile(store.snapshot(), readSettings(), now)
  download(`zixun-${now.toISOString().slice(0, 10)}.json`, file)
}

/** Saved articles only, as a JSON Feed. */
export async function exportSaved(store: ReadingStore) {
  await store.ready()
  download('zixun-saved.json', buildSavedFeed(store.savedArticles()))
}

/**
 * Reads `file` and merges it into the state (and its settings into
 * localStorage). Resolves with what was imported, or the refusal's text.
 */
export async function importFile(
  store: ReadingStore,
  file: Blob,
  messages: Messages,
): Promise<{ ok: boolean; text: string }> {
  const parsed =
    file.size > MAX_STATE_FILE_BYTES
      ? ({ reason: 'too-large' } as const)
      : parseStateFile(await file.text())
  if ('reason' in parsed) {
    return {
      ok: false,
      text: messages.importRefused(refusalText(parsed, messages)),
    }
  }
  await store.ready()
  await store.replace(mergeStates(store.snapshot(), parsed.state))
  for (const [key, value] of Object.entries(parsed.settings)) {
    try {
      localStorage.setItem(key, value)
    } catch {
      // Storage refused: the settings apply from the file next time.
    }
  }
  const { saved, read } = parsed.state
  return { ok: true, text: messages.imported(saved.length, read.length) }
}

/** Forgets every read mark, saved article and `zixun:` setting on this device. */
export async function clearAll(store: ReadingStore) {
  await store.replace({
    read: [],
    unread: [],
    watermarks: [],
    tally: [],
    saved: [],
    reset: [],
  })
  for (const key of Object.keys(readSettings())) localStorage.removeItem(key)
}

function refusalText(refusal: Refusal, messages: Messages): string {
  const words = messages.refusal
  return refusal.reason === 'invalid'
    ? words.invalid(refusal.what)
    : words[refusal.reason]
}
