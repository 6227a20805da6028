import {
  KEEP_POSITIONS,
  readOpsOf,
  type ArticlePosition,
  type ReadingBackend,
  type StoredState,
} from './backend'
import { applyReadOps, emptyReadState, type ReadState } from './read-state'
import type { SavedArticle } from './saved-article'

/**
 * A backend that keeps everything in this tab's memory: the fallback when
 * IndexedDB is unavailable (private mode, quota, a newer app's data), and
 * the store of the prerenderer.
 */
export class MemoryBackend implements ReadingBackend {
  readonly kind = 'memory'
  private state: ReadState = emptyReadState()
  private saved = new Map<string, SavedArticle>()
  private positions = new Map<string, ArticlePosition>()

  /** Starts with `initial` (the state a tab had when its storage failed). */
  constructor(initial?: StoredState) {
    if (!initial) return
    applyReadOps(this.state, readOpsOf(initial))
    for (const article of initial.saved) this.saved.set(article.id, article)
  }

  async load(): Promise<StoredState> {
    return {
      read: [...this.state.read.values()],
      unread: [...this.state.unread.values()],
      watermarks: [...this.state.watermarks],
      tally: [...this.state.tally],
      saved: [...this.saved.values()],
      reset: [],
    }
  }

  async writeReadOps(ops: Parameters<ReadingBackend['writeReadOps']>[0]) {
    applyReadOps(this.state, ops)
  }

  async putSaved(article: SavedArticle) {
    this.saved.set(article.id, article)
  }

  async deleteSaved(id: string) {
    this.saved.delete(id)
  }

  async getPosition(id: string) {
    return this.positions.get(id)
  }

  async putPosition(position: ArticlePosition) {
    this.positions.delete(position.id)
    this.positions.set(position.id, position)
    if (this.positions.size > KEEP_POSITIONS) {
      const oldest = this.positions.keys().next().value
      if (oldest !== undefined) this.positions.delete(oldest)
    }
  }

  async clear() {
    this.state = emptyReadState()
    this.saved.clear()
    this.positions.clear()
  }

  close() {}
}
