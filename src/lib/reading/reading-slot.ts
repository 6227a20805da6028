import type { ReadingStore } from './reading-store'

/**
 * Where the app finds its reading store. The store's code (IndexedDB,
 * marks, validation) is a lazy chunk the browser fetches beside the first
 * route's: the root route's loader waits for `ready()`, so every view
 * below it can take the store with `get()`, synchronously.
 */
export class ReadingSlot {
  private store: ReadingStore | null = null
  private loading: Promise<ReadingStore> | null = null
  private readonly load: () => Promise<ReadingStore>

  constructor(load: () => Promise<ReadingStore>) {
    this.load = load
  }

  /** A slot holding `store` already (tests, the prerenderer). */
  static of(store: ReadingStore): ReadingSlot {
    const slot = new ReadingSlot(async () => store)
    slot.store = store
    return slot
  }

  /** Loads the store and its state once; resolves when both are in. */
  ready(): Promise<ReadingStore> {
    this.loading ??= this.load().then(async (store) => {
      await store.ready()
      this.store = store
      return store
    })
    return this.loading
  }

  /** The store; only under the root route, whose loader waited for `ready()`. */
  get(): ReadingStore {
    if (!this.store) throw new Error('The reading store is not loaded yet')
    return this.store
  }
}
