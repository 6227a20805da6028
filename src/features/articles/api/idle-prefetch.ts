/** Why an article is prefetched: the reader pointed at it, or its card came into view. */
export type PrefetchReason = 'intent' | 'view'

/** What the network allows speculative fetches (`navigator.connection`). */
export type PrefetchConnection = {
  saveData?: boolean
  effectiveType?: string
}

/** Articles fetched at once on a slow connection (2G, 3G), and otherwise. */
export const SLOW_CONCURRENCY = 2
export const FAST_CONCURRENCY = 4
/** In-view prefetches waiting at most; older ones (scrolled past) are dropped. */
export const MAX_WAITING_VIEWS = 8

const SLOW = new Set(['slow-2g', '2g', '3g'])

export type IdlePrefetcherOptions = {
  /** Fetches one article (its data and the article route's code). */
  fetch: (id: string) => Promise<unknown>
  /** Resolves once the page has loaded and the main thread is idle. */
  idle: () => Promise<void>
  connection: () => PrefetchConnection | undefined
}

/**
 * A queue of article prefetches that starts only once the first screen
 * is done (`idle`), runs at most `SLOW_CONCURRENCY` at a time on a slow
 * connection (`FAST_CONCURRENCY` otherwise), fetches each article once,
 * serves the reader's intent (hover, focus, touch) before cards merely in
 * view, and with `saveData` fetches nothing merely in view.
 */
export function createIdlePrefetcher(options: IdlePrefetcherOptions) {
  const requested = new Set<string>()
  const intents: string[] = []
  const views: string[] = []
  let running = 0
  let ready: Promise<void> | undefined

  const limit = () =>
    SLOW.has(options.connection()?.effectiveType ?? '')
      ? SLOW_CONCURRENCY
      : FAST_CONCURRENCY

  function pump() {
    while (running < limit()) {
      const id = intents.shift() ?? views.shift()
      if (id === undefined) return
      running++
      void options
        .fetch(id)
        .catch(() => {
          // A prefetch that fails is fetched again when the article opens.
          requested.delete(id)
        })
        .finally(() => {
          running--
          pump()
        })
    }
  }

  return {
    /** Queues `id`; returns false when it is not fetched (already, or saveData). */
    request(id: string, reason: PrefetchReason): boolean {
      if (requested.has(id)) return false
      if (reason === 'view' && options.connection()?.saveData) return false
      requested.add(id)
      if (reason === 'intent') intents.push(id)
      else {
        views.push(id)
        if (views.length > MAX_WAITING_VIEWS) {
          requested.delete(views.shift()!)
        }
      }
      ready ??= options.idle()
      void ready.then(pump)
      return true
    },
    /**
     * Drops what is still waiting (the reader left the list it was for);
     * fetches already running finish. Dropped ids may be asked for again.
     */
    clear(): void {
      for (const id of intents.splice(0)) requested.delete(id)
      for (const id of views.splice(0)) requested.delete(id)
    },
  }
}

/**
 * Resolves after the `load` event and then the browser's next idle period
 * (`requestIdleCallback`, a short timeout where it is missing): the first
 * screen has painted and hydrated before any prefetch competes with it.
 */
export function afterLoadAndIdle(): Promise<void> {
  const loaded =
    document.readyState === 'complete'
      ? Promise.resolve()
      : new Promise<void>((resolve) =>
          window.addEventListener('load', () => resolve(), { once: true }),
        )
  return loaded.then(
    () =>
      new Promise<void>((resolve) => {
        if ('requestIdleCallback' in window) {
          requestIdleCallback(() => resolve(), { timeout: 2_000 })
        } else setTimeout(resolve, 200)
      }),
  )
}

/** The Network Information API where the browser has it (Chromium). */
export function browserConnection(): PrefetchConnection | undefined {
  return (navigator as Navigator & { connection?: PrefetchConnection })
    .connection
}
