import type { ReadOp } from './read-state'
import type { ReadTarget, Scope } from './read-scopes'
import type { SavedArticle } from './saved-article'

/** The place inside an article where the reader stopped. */
export type ArticlePosition = {
  id: string
  /** Index of the body's top-level block at the top of the viewport. */
  block: number
  /** How far into that block (0–1). */
  within: number
  /** How far into the whole article (0–1), e.g. to skip finished ones. */
  progress: number
  /** Epoch milliseconds. */
  at: number
}

/** Everything `load()` reads at start-up (positions are read one by one). */
export type StoredState = {
  read: ReadTarget[]
  unread: ReadTarget[]
  watermarks: [Scope, number][]
  tally: [Scope, number][]
  saved: SavedArticle[]
  /** Parts that were damaged or of another format and were reset. */
  reset: ResetReason[]
}

export type ResetReason = 'damaged' | 'old-format'

/**
 * Where the reading state persists: IndexedDB (`idb-backend.ts`) or, when
 * that is unavailable, this tab's memory (`memory-backend.ts`). Writes
 * are whole batches of ops, each applied in one transaction.
 */
export interface ReadingBackend {
  readonly kind: 'indexeddb' | 'memory'
  load(): Promise<StoredState>
  writeReadOps(ops: readonly ReadOp[]): Promise<void>
  putSaved(article: SavedArticle): Promise<void>
  deleteSaved(id: string): Promise<void>
  getPosition(id: string): Promise<ArticlePosition | undefined>
  putPosition(position: ArticlePosition): Promise<void>
  /** Forgets everything. */
  clear(): Promise<void>
  close(): void
}

/** The ops that build `stored`'s read marks on an empty state. */
export function readOpsOf(
  stored: Pick<StoredState, 'read' | 'unread' | 'tally' | 'watermarks'>,
): ReadOp[] {
  return [
    ...stored.read.map((target) => ({ op: 'read' as const, target })),
    ...stored.unread.map((target) => ({ op: 'except' as const, target })),
    { op: 'tally', deltas: stored.tally },
    ...stored.watermarks.map(([scope, date]) => ({
      op: 'watermark' as const,
      scope,
      date,
    })),
  ]
}

/** How many article positions are kept; the oldest are forgotten first. */
export const KEEP_POSITIONS = 500

/** Raised when the storage refuses a write (quota, private mode, closed). */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError'
}
