import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import {
  KEEP_POSITIONS,
  readOpsOf,
  StorageUnavailableError,
  type ArticlePosition,
  type ReadingBackend,
  type ResetReason,
  type StoredState,
} from './backend'
import { applyReadOps, emptyReadState, type ReadOp } from './read-state'
import {
  chunkKey,
  fromChunk,
  fromMarks,
  toChunk,
  toMarks,
  type MarksRecord,
  type ReadChunk,
} from './stored-records'
import type { ReadTarget } from './read-scopes'
import { toSavedArticle, type SavedArticle } from './saved-article'

export const DB_NAME = 'zixun'
/** The IndexedDB schema version (object stores and indexes). */
export const DB_VERSION = 1
/** The version of what the records hold; older data is reset, not guessed at. */
export const FORMAT = 1

const STORES = ['read', 'meta', 'saved', 'positions'] as const

interface ReadingDb extends DBSchema {
  /** Read marks in chunks, one per month of publication (`2026-11`). */
  read: { key: string; value: ReadChunk }
  /** `format` and `marks` (watermarks, tally, unread exceptions). */
  meta: { key: string; value: unknown }
  saved: { key: string; value: SavedArticle; indexes: { savedAt: number } }
  positions: { key: string; value: ArticlePosition; indexes: { at: number } }
}

type ChunkOp = Extract<ReadOp, { op: 'read' | 'unmark' }>

/** Raised when the stored data was written by a newer version of the app. */
export class NewerDataError extends Error {
  override name = 'NewerDataError'
}

/**
 * Opens the reading-state database. Rejects with `StorageUnavailableError`
 * when IndexedDB is missing, refuses (private modes), or does not answer
 * within `timeoutMs` (another tab blocking an upgrade), and with
 * `NewerDataError` when a newer app already upgraded it.
 */
export async function openIdbBackend(
  options: { timeoutMs?: number; onClosed?: () => void } = {},
): Promise<IdbBackend> {
  if (typeof indexedDB === 'undefined') {
    throw new StorageUnavailableError('IndexedDB is not available')
  }
  const opening = openDB<ReadingDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      for (const name of STORES) {
        if (db.objectStoreNames.contains(name)) continue
        if (name === 'saved') {
          db.createObjectStore(name, { keyPath: 'id' }).createIndex(
            'savedAt',
            'savedAt',
          )
        } else if (name === 'positions') {
          db.createObjectStore(name, { keyPath: 'id' }).createIndex('at', 'at')
        } else {
          db.createObjectStore(name)
        }
      }
    },
    // A newer version in another tab wants to upgrade: let it.
    blocking: () => {
      void opening.then((db) => db.close())
      options.onClosed?.()
    },
    terminated: () => options.onClosed?.(),
  })
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new StorageUnavailableError('IndexedDB did not open')),
      options.timeoutMs ?? 3000,
    ),
  )
  try {
    return new IdbBackend(await Promise.race([opening, timeout]))
  } catch (error) {
    void opening.then((db) => db.close()).catch(() => {})
    if (error instanceof DOMException && error.name === 'VersionError') {
      throw new NewerDataError('The reading state is of a newer version')
    }
    throw error instanceof StorageUnavailableError
      ? error
      : new StorageUnavailableError(String(error))
  }
}

/** The reading state in IndexedDB, through `idb`. */
export class IdbBackend implements ReadingBackend {
  readonly kind = 'indexeddb'
  private readonly db: IDBPDatabase<ReadingDb>

  constructor(db: IDBPDatabase<ReadingDb>) {
    this.db = db
  }

  async load(): Promise<StoredState> {
    const reset: ResetReason[] = []
    const tx = this.db.transaction(['read', 'meta', 'saved'], 'readonly')
    const [format, marksValue, chunkKeys, chunks, savedValues] =
      await Promise.all([
        tx.objectStore('meta').get('format'),
        tx.objectStore('meta').get('marks'),
        tx.objectStore('read').getAllKeys(),
        tx.objectStore('read').getAll(),
        tx.objectStore('saved').getAll(),
      ])
    await tx.done
    const empty = chunks.length === 0 && savedValues.length === 0 && !marksValue
    const version = isRecord(format) ? format.version : undefined
    if (typeof version === 'number' && version > FORMAT) {
      throw new NewerDataError(`Stored format ${version} is newer`)
    }
    if (version !== FORMAT) {
      if (!empty) {
        await this.clear()
        return { ...emptyStored(), reset: ['old-format'] }
      }
      await this.guard(() => this.db.put('meta', { version: FORMAT }, 'format'))
      return emptyStored()
    }
    const read: ReadTarget[] = []
    const damagedChunks: string[] = []
    chunks.forEach((chunk, i) => {
      const targets = fromChunk(chunk)
      // A loop, not push(...targets): a month of 100,000+ marks would pass
      // more arguments than a call takes.
      if (targets) for (const target of targets) read.push(target)
      else damagedChunks.push(String(chunkKeys[i]))
    })
    const marks = marksValue === undefined ? toMarks() : fromMarks(marksValue)
    const saved = savedValues.map(toSavedArticle)
    const damagedSaved = savedValues.filter((_, i) => !saved[i])
    if (damagedChunks.length || !marks || damagedSaved.length) {
      reset.push('damaged')
      await this.dropDamaged(damagedChunks, !marks, damagedSaved)
    }
    const goodMarks = marks ?? toMarks()
    return {
      read,
      unread: goodMarks.unread,
      watermarks: goodMarks.watermarks,
      tally: goodMarks.tally,
      saved: saved.filter((s): s is SavedArticle => s !== null),
      reset,
    }
  }

  async writeReadOps(ops: readonly ReadOp[]): Promise<void> {
    await this.guard(async () => {
      const tx = this.db.transaction(['read', 'meta'], 'readwrite')
      const byChunk = new Map<string, ChunkOp[]>()
      const marksOps: ReadOp[] = []
      for (const op of ops) {
        if (op.op === 'read' || op.op === 'unmark') {
          const key = chunkKey(op.target.date)
          byChunk.set(key, [...(byChunk.get(key) ?? []), op])
        } else {
          marksOps.push(op)
        }
      }
      const store = tx.objectStore('read')
      for (const [key, chunkOps] of byChunk) {
        const targets = new Map(
          (fromChunk(await store.get(key)) ?? []).map((t) => [t.id, t]),
        )
        for (const op of chunkOps) {
          if (op.op === 'read') targets.set(op.target.id, op.target)
          else targets.delete(op.target.id)
        }
        if (targets.size) await store.put(toChunk([...targets.values()]), key)
        else await store.delete(key)
      }
      if (marksOps.length) {
        const meta = tx.objectStore('meta')
        const state = emptyReadState()
        const marks = fromMarks(await meta.get('marks')) ?? toMarks()
        applyReadOps(state, [...readOpsOf({ ...marks, read: [] }), ...marksOps])
        await meta.put(
          toMarks([...state.unread.values()], state.watermarks, state.tally),
          'marks',
        )
      }
      await tx.done
    })
  }

  async putSaved(article: SavedArticle) {
    await this.guard(() => this.db.put('saved', article))
  }

  async deleteSaved(id: string) {
    await this.guard(() => this.db.delete('saved', id))
  }

  async getPosition(id: string) {
    try {
      return await this.db.get('positions', id)
    } catch {
      return undefined
    }
  }

  async putPosition(position: ArticlePosition) {
    await this.guard(async () => {
      const tx = this.db.transaction('positions', 'readwrite')
      await tx.store.put(position)
      let surplus = (await tx.store.count()) - KEEP_POSITIONS
      let cursor = surplus > 0 ? await tx.store.index('at').openCursor() : null
      while (cursor && surplus-- > 0) {
        await cursor.delete()
        cursor = await cursor.continue()
      }
      await tx.done
    })
  }

  async clear() {
    await this.guard(async () => {
      const tx = this.db.transaction([...STORES], 'readwrite')
      await Promise.all(STORES.map((name) => tx.objectStore(name).clear()))
      await tx.objectStore('meta').put({ version: FORMAT }, 'format')
      await tx.done
    })
  }

  close() {
    this.db.close()
  }

  // --- internal ---

  private async dropDamaged(
    chunks: string[],
    marks: boolean,
    saved: unknown[],
  ) {
    await this.guard(async () => {
      const tx = this.db.transaction(['read', 'meta', 'saved'], 'readwrite')
      for (const key of chunks) await tx.objectStore('read').delete(key)
      if (marks) await tx.objectStore('meta').delete('marks')
      for (const value of saved) {
        const id = isRecord(value) ? value.id : undefined
        if (typeof id === 'string') await tx.objectStore('saved').delete(id)
      }
      await tx.done
    })
  }

  /** Runs a write; any refusal (quota, closed connection) becomes StorageUnavailableError. */
  private async guard<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write()
    } catch (error) {
      throw new StorageUnavailableError(
        error instanceof Error ? `${error.name}: ${error.message}` : 'refused',
      )
    }
  }
}

function emptyStored(): StoredState {
  return {
    read: [],
    unread: [],
    watermarks: [],
    tally: [],
    saved: [],
    reset: [],
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

export type { MarksRecord }
