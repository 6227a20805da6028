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
const memory = new Map<string, ListSnapshot>()

function readStorage(): Record<string, ListSnapshot> {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY)
    return raw ? (JSON.parse(raw) as Record<string, ListSnapshot>) : {}
  } catch {
    return {}
  }
}

/**
 * Remembers a list's layout for Back (in memory) and reload (session
 * storage, the newest few lists only).
 */
export function saveListSnapshot(key: string, snapshot: ListSnapshot) {
  memory.delete(key)
  memory.set(key, snapshot)
  try {
    const stored = readStorage()
    delete stored[key]
    stored[key] = snapshot
    const keys = Object.keys(stored)
    for (const old of keys.slice(0, Math.max(0, keys.length - KEEP))) {
      delete stored[old]
    }
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored))
  } catch {
    // Storage full or disabled: Back still works from memory.
  }
}

/** The layout saved under `key`, if any. */
export function loadListSnapshot(key: string): ListSnapshot | undefined {
  return memory.get(key) ?? readStorage()[key]
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
