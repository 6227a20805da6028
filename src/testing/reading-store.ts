import { afterEach } from 'vitest'
import { openIdbBackend } from '@/lib/reading/idb-backend'
import { ReadingStore } from '@/lib/reading/reading-store'
import { openSyncChannel } from '@/lib/reading/sync-channel'

const open = new Set<ReadingStore>()
let tabs = 0

afterEach(() => {
  for (const store of open) store.close()
  open.clear()
  tabs += 1
})

/**
 * A reading store over the test's IndexedDB (fake-indexeddb, fresh for
 * every test), like a tab of the browser. Stores made in the same test
 * talk to each other as tabs do; tests never hear each other. Closed when
 * the test ends.
 */
export function createTestReadingStore(
  options: Partial<ConstructorParameters<typeof ReadingStore>[0]> = {},
): ReadingStore {
  const channelName = `zixun:reading:test-${tabs}`
  const store = new ReadingStore({
    open: () => openIdbBackend(),
    channel: (onMessage) => openSyncChannel(onMessage, channelName),
    ...options,
  })
  open.add(store)
  return store
}
