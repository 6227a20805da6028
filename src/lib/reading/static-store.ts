import { MemoryBackend } from './memory-backend'
import { ReadingSlot } from './reading-slot'
import { ReadingStore } from './reading-store'

/** A store that remembers nothing, for the prerenderer: pages show no reading state. */
export function createStaticReadingSlot(): ReadingSlot {
  const store = new ReadingStore({
    open: async () => new MemoryBackend(),
    channel: () => ({ post: () => {}, close: () => {} }),
  })
  void store.ready()
  return ReadingSlot.of(store)
}
