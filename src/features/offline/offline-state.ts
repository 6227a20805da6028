/** What the reader is told about the network, updates and storage. */
export type OfflineState = {
  /** False while the server cannot be reached (not just `navigator.onLine`). */
  online: boolean
  /** A new deployment is installed and waits for the reader to reload. */
  updateReady: boolean
  /** Read content the worker removed when storage ran out (until dismissed). */
  evicted: { articles: number; images: number } | null
  /** Articles that could not be kept for offline (storage full, network), until dismissed. */
  keepFailed: number
}

/** Online, no update: what the server and hydration see. */
export const INITIAL_OFFLINE_STATE: OfflineState = {
  online: true,
  updateReady: false,
  evicted: null,
  keepFailed: 0,
}

let state = INITIAL_OFFLINE_STATE
const listeners = new Set<() => void>()

/** Merges `change` into the state and tells the subscribers. */
export function updateOfflineState(change: Partial<OfflineState>): void {
  const next = { ...state, ...change }
  if (
    next.online === state.online &&
    next.updateReady === state.updateReady &&
    next.evicted === state.evicted &&
    next.keepFailed === state.keepFailed
  ) {
    return
  }
  state = next
  for (const listener of listeners) listener()
}

let applyUpdate: () => void = () => window.location.reload()

/** Set by the service worker client: how "Reload" switches to the update. */
export function setUpdateHandler(handler: () => void): void {
  applyUpdate = handler
}

/** The reader chose to reload into the waiting version. */
export function reloadIntoUpdate(): void {
  applyUpdate()
}

/** The current state, for code outside React. */
export function readOfflineState(): OfflineState {
  return state
}

/** Calls `listener` after every change; returns the unsubscribe. */
export function subscribeOfflineState(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
