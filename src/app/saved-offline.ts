/**
 * What the app needs of the reading store (`ReadingStore` of issue 12,
 * `src/lib/reading/reading-store.ts`): the saved articles now, and every
 * save and unsave, from this tab or another.
 */
export type SavedSource = {
  savedArticles(): ReadonlyArray<{ id: string }>
  onSavedChange(
    listener: (
      change:
        | { type: 'saved'; article: { id: string } }
        | { type: 'unsaved'; id: string },
    ) => void,
  ): () => void
}

/** What the offline feature does with them (`keep-offline.ts`). */
export type SavedKeeper = {
  keepSavedOffline(ids: readonly string[]): Promise<unknown>
  reconcileSavedOffline(ids: readonly string[]): Promise<unknown>
  releaseSavedOffline(ids: readonly string[]): Promise<unknown>
  askForPersistentStorage(): Promise<boolean>
}

const loadKeeper = (): Promise<SavedKeeper> =>
  import('@/features/offline/keep-offline')

/**
 * Saving an article also keeps it for offline reading (its JSON and the
 * images of its body, on the worker's `saved` shelf); unsaving frees what
 * only it used, in the order the reader did them. The first save asks the browser for persistent storage.
 * At start the shelf is made to hold exactly the saved articles (those
 * saved while no worker ran, or imported, are added: their JSON at once,
 * their images when next saved or opened). Returns the unsubscribe.
 * Wired in `app.tsx`, once the reading store is ready.
 */
export function keepSavedArticlesOffline(
  source: SavedSource,
  keeper: () => Promise<SavedKeeper> = loadKeeper,
): () => void {
  // One at a time, in order: a save then an unsave must end unsaved.
  let queue: Promise<unknown> = Promise.resolve()
  const then = (step: (k: SavedKeeper) => Promise<unknown>) => {
    queue = queue
      .then(keeper)
      .then(step)
      .catch(() => undefined)
  }
  const ids = source.savedArticles().map((article) => article.id)
  if (ids.length > 0) then((k) => k.reconcileSavedOffline(ids))
  // A reader with saved articles was asked when saving the first one.
  let asked = ids.length > 0
  return source.onSavedChange((change) => {
    if (change.type === 'unsaved') {
      return then((k) => k.releaseSavedOffline([change.id]))
    }
    then(async (k) => {
      if (!asked) {
        asked = true
        await k.askForPersistentStorage()
      }
      return k.keepSavedOffline([change.article.id])
    })
  })
}
