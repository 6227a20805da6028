import { dataPaths, type ReportEntry } from '../../src/lib/article-schema.ts'
import { CandidateSet, type Resolved } from './dedupe.ts'
import type { ItemStore } from './item-store.ts'
import type { OutputWriter } from './output-writer.ts'
import type { Rejection } from './read-input.ts'
import type { Done, TaskResult } from './run-task.ts'

/** A converted article held by the main thread, and where it came from. */
export type Held = Omit<Done, 'itemBytes' | 'ok' | 'written' | 'onDisk'> & {
  rank: number
  task: number
  item: number
  itemIndex: number
}

export type Entry = ReportEntry & { rank: number }

/**
 * Gathers results as they arrive, in any order: list items into the
 * store, articles into the duplicate check, rejections into the report,
 * and which hashes threads wrote to which article files.
 */
export class ResultCollector {
  readonly entries: Entry[]
  /** Hashes threads wrote or found on disk this run, by article file. */
  readonly seen = new Map<string, Set<string>>()
  private readonly candidates = new CandidateSet<Held>()
  private readonly paths = new Map<string, string[]>()
  private readonly writer: OutputWriter
  private readonly store: ItemStore

  constructor(problems: Rejection[], writer: OutputWriter, store: ItemStore) {
    this.entries = problems.map((p) => ({ ...toEntry(p), rank: -1 }))
    this.writer = writer
    this.store = store
  }

  add(task: number, result: TaskResult): void {
    result.forEach((outcome, item) => {
      const rank = task * 2 ** 20 + item
      if (!outcome.ok)
        return void this.entries.push({ ...toEntry(outcome), rank })
      const { itemBytes, ok: _ok, written, onDisk, ...done } = outcome
      const itemIndex = this.store.add(itemBytes)
      const paths = done.paths.map((p) => this.intern(p))
      this.candidates.add({ ...done, paths, rank, task, item, itemIndex })
      const rel = dataPaths.article(done.id)
      this.writer.record(rel, done.articleHash, written)
      if (onDisk) {
        this.seen.set(
          rel,
          (this.seen.get(rel) ?? new Set()).add(done.articleHash),
        )
      }
    })
  }

  /** Resolves duplicates; adds the written and merged entries to the report. */
  finish(): Resolved<Held> {
    const resolved = this.candidates.resolve()
    for (const w of resolved.winners)
      this.entries.push({ ...writtenEntry(w), rank: w.rank })
    this.entries.push(...resolved.merged)
    return resolved
  }

  /** One shared array per distinct category path (100k articles, ~50 paths). */
  private intern(path: string[]): string[] {
    const key = path.join('\u0000')
    const found = this.paths.get(key)
    if (found) return found
    this.paths.set(key, path)
    return path
  }
}

function toEntry(outcome: Rejection): ReportEntry {
  const { file, line, reason } = outcome
  return { file, status: 'rejected', ...(line ? { line } : {}), reason }
}

function writtenEntry(held: Held): ReportEntry {
  const reason = held.notes.join('; ')
  return {
    file: held.file,
    status: 'written',
    id: held.id,
    ...(reason ? { reason } : {}),
  }
}
