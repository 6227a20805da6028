import { useLayoutEffect, useRef } from 'react'

/**
 * Where a list view was left: how many pages it had loaded and how its rows
 * were laid out, so Back and reload render it exactly as it was and scroll
 * restoration lands on the same card.
 */
export type ListPlace = {
  /** The list's pathname; the place is only used for that list. */
  href: string
  /** Pages loaded (1-based count). */
  pages: number
  /** Window scroll offset when the list was left. */
  offset: number
  /** Viewport width the sizes were measured at. */
  width: number
  /** Measured row heights by item key (article id). */
  sizes: [string, number][]
  /** The card the reader had selected (j/k, focus), by article id. */
  current?: string
}

/**
 * What the reader remembers about one history entry. Issue 12 adds the place
 * inside a long article here, beside `list`.
 */
export type EntrySnapshot = {
  list?: ListPlace
}

const PREFIX = 'zixun:entry:'
const INDEX = 'zixun:entries'
/** Entries kept per tab; the oldest are forgotten first. */
const KEEP = 50

/**
 * The snapshot of the history entry `key` (React Router's `location.key`,
 * which the browser keeps across reloads). Empty when there is none or it
 * cannot be read.
 */
export function readEntrySnapshot(key: string): EntrySnapshot {
  try {
    const raw = sessionStorage.getItem(PREFIX + key)
    return raw ? toSnapshot(JSON.parse(raw)) : {}
  } catch {
    // Unreadable storage or a damaged entry: nothing to restore.
    return {}
  }
}

/** The list place remembered for entry `key`, if it was taken on `href`. */
export function readListPlace(
  key: string,
  href: string,
): ListPlace | undefined {
  const place = readEntrySnapshot(key).list
  return place?.href === href ? place : undefined
}

/** Merges `part` into the snapshot of entry `key` in session storage. */
export function saveEntrySnapshot(key: string, part: EntrySnapshot): void {
  try {
    const snapshot = { ...readEntrySnapshot(key), ...part }
    sessionStorage.setItem(PREFIX + key, JSON.stringify(snapshot))
    const keys = [...readIndex().filter((k) => k !== key), key]
    for (const old of keys.splice(0, Math.max(0, keys.length - KEEP))) {
      sessionStorage.removeItem(PREFIX + old)
    }
    sessionStorage.setItem(INDEX, JSON.stringify(keys))
  } catch {
    // Storage full or disabled: the entry opens at the top next time.
  }
}

/**
 * Keeps what `take` returns as part of the snapshot of entry `key`. It is
 * taken when the view unmounts (leaving the entry) and when the page is
 * hidden (reload, tab closed, another site), never while the reader scrolls
 * or pages load.
 */
export function useEntrySnapshot(key: string, take: () => EntrySnapshot) {
  const latest = useRef(take)
  useLayoutEffect(() => {
    latest.current = take
  })
  useLayoutEffect(() => {
    const save = () => saveEntrySnapshot(key, latest.current())
    window.addEventListener('pagehide', save)
    return () => {
      window.removeEventListener('pagehide', save)
      save()
    }
  }, [key])
}

// --- internal ---

function readIndex(): string[] {
  const raw = sessionStorage.getItem(INDEX)
  const keys: unknown = raw ? JSON.parse(raw) : []
  return Array.isArray(keys) ? keys.filter((k) => typeof k === 'string') : []
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function isSize(value: unknown): value is [string, number] {
  return (
    Array.isArray(value) && typeof value[0] === 'string' && isNumber(value[1])
  )
}

/** Keeps only the parts that have the shape this version writes. */
function toSnapshot(value: unknown): EntrySnapshot {
  const list = (value as { list?: Partial<ListPlace> } | null)?.list
  const valid =
    typeof list?.href === 'string' &&
    isNumber(list.pages) &&
    isNumber(list.offset) &&
    isNumber(list.width) &&
    Array.isArray(list.sizes) &&
    list.sizes.every(isSize) &&
    (list.current === undefined || typeof list.current === 'string')
  return valid ? { list: list as ListPlace } : {}
}
