import type { ArticleSummary } from '../article-schema'
import {
  StorageUnavailableError,
  readOpsOf,
  type ArticlePosition,
  type ReadingBackend,
  type StoredState,
} from './backend'
import { MemoryBackend } from './memory-backend'
import {
  applyReadOps,
  emptyReadState,
  invertReadOps,
  isRead,
  planMarkOlder,
  planSetRead,
  readStateOf,
  unreadIn,
  type MarkedList,
  type ReadOp,
  type ReadState,
} from './read-state'
import { toReadTarget, type ReadTarget, type Scope } from './read-scopes'
import {
  newestSavedFirst,
  toSavedSummary,
  type SavedArticle,
} from './saved-article'
import {
  openSyncChannel,
  type SyncChannel,
  type SyncMessage,
} from './sync-channel'

/**
 * Why the reading state is not (all) where the reader left it: storage is
 * unavailable or full (this session only), holds a newer app's data, or
 * was damaged or of an old format and was reset.
 */
export type StorageNotice =
  'unavailable' | 'quota' | 'newer' | 'damaged' | 'old-format'

export type SavedChange =
  { type: 'saved'; article: SavedArticle } | { type: 'unsaved'; id: string }

export type ReadingStoreOptions = {
  /** Opens the persistent backend; a rejection means "memory only". */
  open: () => Promise<ReadingBackend>
  /** The channel to the other tabs (default: BroadcastChannel). */
  channel?: (onMessage: (message: SyncMessage) => void) => SyncChannel
  now?: () => number
}

type Summary = Pick<ArticleSummary, 'id' | 'date_published' | '_zixun'>

/**
 * The reader's state on this device: read marks, saved articles, places in
 * articles. Everything is held in memory after one load, so a list asks
 * "is this read?" in constant time; every change is written to the backend
 * (in order, one transaction each) and told to the other tabs. Components
 * read it through `useReadingStore` (`use-reading.tsx`).
 */
export class ReadingStore {
  private backend: ReadingBackend = new MemoryBackend()
  private state: ReadState = emptyReadState()
  private saved = new Map<string, SavedArticle>()
  private sortedSaved: SavedArticle[] | null = null
  private listeners = new Set<() => void>()
  private savedListeners = new Set<(change: SavedChange) => void>()
  private writes: Promise<void> = Promise.resolve()
  private channel: SyncChannel | null = null
  private loading: Promise<void> | null = null
  /** When each article and list became read in this tab (see `readSince`). */
  private session = new Map<string, number>()
  private shown = new Map<string, number>()
  private readonly now: () => number
  private readonly options: ReadingStoreOptions
  /** Counts changes: the snapshot `useSyncExternalStore` compares. */
  version = 0
  notice: StorageNotice | null = null

  constructor(options: ReadingStoreOptions) {
    this.options = options
    this.now = options.now ?? Date.now
  }

  /** Loads the stored state once; resolves when it is in memory (never rejects). */
  ready(): Promise<void> {
    this.loading ??= this.start()
    return this.loading
  }

  get persistent(): boolean {
    return this.backend.kind === 'indexeddb'
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Calls `listener` on every save and unsave, from this tab or another. */
  onSavedChange(listener: (change: SavedChange) => void): () => void {
    this.savedListeners.add(listener)
    return () => this.savedListeners.delete(listener)
  }

  dismissNotice() {
    this.notice = null
    this.changed()
  }

  // --- read marks ---

  isRead(article: Summary): boolean {
    return isRead(this.state, toReadTarget(article))
  }

  /**
   * Whether `article` became read in this tab at or after `since` (a list
   * in "unread only" keeps such cards in place until it is opened anew).
   */
  readSince(article: Summary, since: number): boolean {
    const target = toReadTarget(article)
    const at = this.session.get(target.id)
    if (at !== undefined && at >= since) return true
    for (const [scope, date] of this.state.watermarks) {
      const marked = this.session.get(`list:${scope}`)
      if (marked !== undefined && marked >= since && target.date <= date) {
        return true
      }
    }
    return false
  }

  /**
   * When the history entry `key` first showed its list in this tab: an
   * "unread only" list keeps the cards read since then in place.
   */
  shownSince(key: string): number {
    let since = this.shown.get(key)
    if (since === undefined) {
      since = this.now()
      this.shown.set(key, since)
    }
    return since
  }

  /** Unread articles in the list of `scope` holding `count` articles. */
  unreadIn(scope: Scope, count: number): number {
    return unreadIn(this.state, scope, count)
  }

  /** The latest watermark of `scope`, if any (lists stop looking for unread below it). */
  watermarkOf(scope: Scope): number | undefined {
    return this.state.watermarks.get(scope)
  }

  /** Whether any article is marked unread although a watermark covers it. */
  get hasExceptions(): boolean {
    return this.state.unread.size > 0
  }

  setRead(article: Summary, read: boolean): void {
    const target = toReadTarget(article)
    const ops = planSetRead(this.state, target, read)
    if (read && ops.length) this.session.set(target.id, this.now())
    this.commitRead(ops)
  }

  /** Marks many articles read at once (a list of known items: saved, search results). */
  markAllRead(articles: readonly Summary[]): () => void {
    const ops: ReadOp[] = []
    const work = this.state
    for (const article of articles) {
      const target = toReadTarget(article)
      const planned = planSetRead(work, target, true)
      if (planned.length) this.session.set(target.id, this.now())
      ops.push(...planned)
    }
    return this.commitRead(ops)
  }

  /**
   * Marks every article of `list` published at or before `date` read with
   * one watermark; `newer` are its loaded articles published after `date`.
   * Returns the function that undoes it.
   */
  markOlderRead(
    list: MarkedList,
    date: number,
    newer: readonly Summary[],
  ): () => void {
    const targets: ReadTarget[] = newer.map(toReadTarget)
    const ops = planMarkOlder(this.state, list, date, targets)
    if (ops.length) this.session.set(`list:${list.scope}`, this.now())
    return this.commitRead(ops)
  }

  // --- saved ---

  isSaved(id: string): boolean {
    return this.saved.has(id)
  }

  /** Saved articles, the newest saved first. */
  savedArticles(): SavedArticle[] {
    this.sortedSaved ??= [...this.saved.values()].sort(newestSavedFirst)
    return this.sortedSaved
  }

  /** Saves an article (its summary fields only, checked) or unsaves it. */
  setSaved(article: ArticleSummary, saved: boolean): void {
    const summary = toSavedSummary(article)
    if (!summary || saved === this.saved.has(summary.id)) return
    if (saved) {
      const article = { id: summary.id, savedAt: this.now(), summary }
      this.applySaved({ type: 'saved', article })
      this.channel?.post({ kind: 'saved', article })
      this.persist((b) => b.putSaved(article))
    } else {
      this.applySaved({ type: 'unsaved', id: summary.id })
      this.channel?.post({ kind: 'unsaved', id: summary.id })
      this.persist((b) => b.deleteSaved(summary.id))
    }
  }

  // --- places in articles ---

  getPosition(id: string): Promise<ArticlePosition | undefined> {
    return this.ready().then(() => this.backend.getPosition(id))
  }

  putPosition(position: ArticlePosition): void {
    this.persist((b) => b.putPosition(position))
  }

  // --- everything ---

  /** The whole state as stored (for export). */
  snapshot(): StoredState {
    return {
      read: [...this.state.read.values()],
      unread: [...this.state.unread.values()],
      watermarks: [...this.state.watermarks],
      tally: [...this.state.tally],
      saved: this.savedArticles(),
      reset: [],
    }
  }

  /** Replaces the whole state (import, clear), stores it and tells the other tabs. */
  async replace(next: StoredState): Promise<void> {
    await this.ready()
    const previous = this.savedArticles()
    this.persist(async (backend) => {
      await backend.clear()
      await backend.writeReadOps(readOpsOf(next))
      for (const article of next.saved) await backend.putSaved(article)
    })
    await this.writes
    this.take(next, previous)
    this.channel?.post({ kind: 'reload' })
  }

  /** Waits for every write so far (tests, export). */
  flush(): Promise<void> {
    return this.writes
  }

  close() {
    this.channel?.close()
    this.backend.close()
  }

  // --- internal ---

  private async start() {
    try {
      this.backend = await this.options.open()
    } catch (error) {
      this.notice = isNewerData(error) ? 'newer' : 'unavailable'
    }
    this.channel = (this.options.channel ?? openSyncChannel)((message) =>
      this.receive(message),
    )
    await this.reload()
  }

  private async reload() {
    const previous = this.savedArticles()
    try {
      const stored = await this.backend.load()
      if (stored.reset.length)
        this.notice = stored.reset.includes('old-format')
          ? 'old-format'
          : 'damaged'
      this.take(stored, previous)
    } catch (error) {
      this.fallBack(isNewerData(error) ? 'newer' : 'unavailable')
      this.take(await this.backend.load(), previous)
    }
  }

  private take(stored: StoredState, previousSaved: SavedArticle[]) {
    this.state = readStateOf(stored)
    this.saved = new Map(stored.saved.map((a) => [a.id, a]))
    this.sortedSaved = null
    for (const article of previousSaved) {
      if (!this.saved.has(article.id))
        this.emitSaved({ type: 'unsaved', id: article.id })
    }
    for (const article of stored.saved) {
      if (!previousSaved.some((p) => p.id === article.id))
        this.emitSaved({ type: 'saved', article })
    }
    this.changed()
  }

  private receive(message: SyncMessage) {
    if (message.kind === 'read') {
      applyReadOps(this.state, message.ops)
      this.changed()
    } else if (message.kind === 'saved') {
      this.applySaved({ type: 'saved', article: message.article })
    } else if (message.kind === 'unsaved') {
      this.applySaved({ type: 'unsaved', id: message.id })
    } else {
      void this.reload()
    }
  }

  private commitRead(ops: ReadOp[]): () => void {
    if (!ops.length) return () => {}
    const undo = invertReadOps(this.state, ops)
    applyReadOps(this.state, ops)
    this.channel?.post({ kind: 'read', ops })
    this.persist((b) => b.writeReadOps(ops))
    this.changed()
    let undone = false
    return () => {
      if (undone) return
      undone = true
      this.commitRead(undo)
    }
  }

  private applySaved(change: SavedChange) {
    if (change.type === 'saved')
      this.saved.set(change.article.id, change.article)
    else if (!this.saved.delete(change.id)) return
    this.sortedSaved = null
    this.emitSaved(change)
    this.changed()
  }

  private emitSaved(change: SavedChange) {
    for (const listener of this.savedListeners) listener(change)
  }

  /** Queues a write; the first refusal turns this session to memory, with a notice. */
  private persist(write: (backend: ReadingBackend) => Promise<void>) {
    this.writes = this.writes.then(async () => {
      try {
        await write(this.backend)
      } catch (error) {
        if (!(error instanceof StorageUnavailableError)) throw error
        const quota = /quota/i.test(error.message)
        this.fallBack(quota ? 'quota' : 'unavailable')
        this.changed()
      }
    })
  }

  private fallBack(notice: StorageNotice) {
    if (this.backend.kind === 'memory') return
    this.backend.close()
    this.backend = new MemoryBackend(this.snapshot())
    this.notice = notice
  }

  private changed() {
    this.version += 1
    for (const listener of this.listeners) listener()
  }
}

function isNewerData(error: unknown): boolean {
  return error instanceof Error && error.name === 'NewerDataError'
}
