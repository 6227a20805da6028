import { openIdbBackend } from './idb-backend'
import { ReadingStore } from './reading-store'

/** The browser's store: IndexedDB, or memory when that is unavailable. */
export function openBrowserReadingStore(): ReadingStore {
  return new ReadingStore({ open: () => openIdbBackend() })
}
