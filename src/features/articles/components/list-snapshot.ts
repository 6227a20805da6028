import type { VirtualItem } from '@tanstack/react-virtual'

/** What a windowed list needs to come back exactly where it was left. */
export type ListSnapshot = {
  /** Window scroll offset when the list was left. */
  offset: number
  /** Viewport width the sizes were measured at. */
  width: number
  /** Measured row heights by item key (article id). */
  sizes: [string, number][]
}

const STORAGE_KEY = 'zixun:list-snapshots'
const KEEP = 20
let memory: Map<string, ListSnapshot> | undefined

/** Snapshots of this tab: read from session storage once, then kept in memory. */
function snapshots(): Map<string, ListSnapshot> {
  if (memory) return memory
  memory = new Map()
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY)
    const stored = raw ? (JSON.parse(raw) as Record<string, ListSnapshot>) : {}
    for (const [key, value] of Object.entries(stored)) memory.set(key, value)
  } catch {
    // Unreadable storage: start empty.
  }
  // A reload or a closed tab keeps the newest few for the next page load.
  window.addEventListener('pagehide', persistListSnapshots)
  return memory
}

/** Remembers a list's layout for Back (memory) and reload (see persist). */
export function saveListSnapshot(key: string, snapshot: ListSnapshot) {
  const all = snapshots()
  all.delete(key)
  all.set(key, snapshot)
  for (const old of [...all.keys()].slice(0, Math.max(0, all.size - KEEP))) {
    all.delete(old)
  }
}

/** Writes the remembered layouts to session storage (on `pagehide`). */
export function persistListSnapshots() {
  try {
    const all = Object.fromEntries(snapshots())
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(all))
  } catch {
    // Storage full or disabled: Back still works from memory.
  }
}

/** The layout saved under `key`, if any. */
export function loadListSnapshot(key: string): ListSnapshot | undefined {
  return snapshots().get(key)
}

/** Sizes as the virtualizer's `initialMeasurementsCache` (only key and size are read). */
export function toMeasurements(snapshot?: ListSnapshot): VirtualItem[] {
  if (!snapshot || snapshot.width !== window.innerWidth) return []
  return snapshot.sizes.map(([key, size], index) => ({
    key,
    index,
    start: 0,
    end: size,
    size,
    lane: 0,
  }))
}
