import type { ReadTarget, Scope } from './read-scopes'

/**
 * Read marks of one month, as parallel arrays: 50,000 marks load as a
 * few dozen records of plain strings and numbers (structured clone reads
 * them in a few milliseconds), not 50,000 objects.
 */
export type ReadChunk = { ids: string[]; dates: number[]; cats: string[] }

/** Watermarks, their tally and the unread exceptions: one small record. */
export type MarksRecord = {
  unread: ReadTarget[]
  watermarks: [Scope, number][]
  tally: [Scope, number][]
}

/** The chunk a read mark of an article published at `date` lives in. */
export function chunkKey(date: number): string {
  const at = new Date(Number.isFinite(date) ? date : 0)
  return Number.isNaN(at.getTime()) ? '0000-00' : at.toISOString().slice(0, 7)
}

export function toChunk(targets: readonly ReadTarget[]): ReadChunk {
  return {
    ids: targets.map((t) => t.id),
    dates: targets.map((t) => t.date),
    cats: targets.map((t) => t.cats),
  }
}

/** The marks of a stored chunk; null when it is not of this shape. */
export function fromChunk(value: unknown): ReadTarget[] | null {
  if (value === undefined) return []
  if (!isRecord(value)) return null
  const { ids, dates, cats } = value
  if (!Array.isArray(ids) || !Array.isArray(dates) || !Array.isArray(cats)) {
    return null
  }
  if (ids.length !== dates.length || ids.length !== cats.length) return null
  const out: ReadTarget[] = new Array(ids.length)
  for (let i = 0; i < ids.length; i++) {
    const target = { id: ids[i], date: dates[i], cats: cats[i] }
    if (!isTarget(target)) return null
    out[i] = target
  }
  return out
}

export function toMarks(
  unread: readonly ReadTarget[] = [],
  watermarks: Iterable<[Scope, number]> = [],
  tally: Iterable<[Scope, number]> = [],
): MarksRecord {
  return { unread: [...unread], watermarks: [...watermarks], tally: [...tally] }
}

/** The stored marks record; null when it is not of this shape. */
export function fromMarks(value: unknown): MarksRecord | null {
  if (value === undefined) return toMarks()
  if (!isRecord(value)) return null
  const { unread, watermarks, tally } = value
  if (!Array.isArray(unread) || !unread.every(isTarget)) return null
  if (!isPairs(watermarks) || !isPairs(tally)) return null
  return { unread, watermarks, tally }
}

// --- internal ---

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isTarget(value: unknown): value is ReadTarget {
  if (!isRecord(value)) return false
  return (
    typeof value.id === 'string' &&
    typeof value.date === 'number' &&
    Number.isFinite(value.date) &&
    typeof value.cats === 'string'
  )
}

function isPairs(value: unknown): value is [Scope, number][] {
  return (
    Array.isArray(value) &&
    value.every(
      (pair) =>
        Array.isArray(pair) &&
        pair.length === 2 &&
        typeof pair[0] === 'string' &&
        typeof pair[1] === 'number' &&
        Number.isFinite(pair[1]),
    )
  )
}
