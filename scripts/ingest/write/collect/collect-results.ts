import {
  dataPaths,
  type ReportEntry,
} from '../../../../src/lib/article-schema.ts'
import { CandidateSet, type Resolved } from './dedupe.ts'
import type { ItemStore } from './item-store.ts'
import type { OutputWriter } from '../output-writer.ts'
import type { NotRead } from '../../read/files/discover-inputs.ts'
import type { Rejection } from '../../read/input-types.ts'
import type { Done, TaskResult } from '../../workers/run-task.ts'

/** A converted article held by the main thread, and where it came from. */
export type Held = Omit<
  Done,
  'itemBytes' | 'searchRecord' | 'ok' | 'written' | 'onDisk' | 'wantImages'
> & {
  rank: number
  task: number
  item: number
  itemIndex: number
}

/** Where search records go as they arrive (cache/search-record-cache.ts). */
export type RecordSink = { put: (hash: string, record: Uint8Array) => void }

/** A report entry and its place in input order. */
export type Entry = ReportEntry & { rank: number }

/** Rank of item `item` of task `task`: input order, feed items in turn. */
function rankOf(task: number, item: number): number {
  return task * 2 ** 20 + item
}

/** In `seen`: several different hashes were written; the last is unknown. */
export const MIXED = ''

/**
 * Gathers results as they arrive, in any order: list items into the
 * store, search records to their cache, articles into the duplicate
 * check, rejections into the report, and which hashes threads wrote to
 * which article files.
 */
export class ResultCollector {
  readonly entries: Entry[]
  /**
   * The hash threads wrote (or found on disk) at each article file this
   * run; MIXED when outcomes sharing an id left different bytes there.
   */
  readonly seen = new Map<string, string>()
  private readonly candidates = new CandidateSet<Held>()
  private readonly paths = new Map<string, string[]>()
  private readonly writer: OutputWriter
  private readonly store: ItemStore
  private readonly records?: RecordSink

  constructor(
    notRead: NotRead[],
    writer: OutputWriter,
    store: ItemStore,
    records?: RecordSink,
  ) {
    // Just before the task found after it: the report keeps walk order.
    this.entries = notRead.map((p) => ({
      ...toEntry(p),
      rank: rankOf(p.before, 0) - 1,
    }))
    this.writer = writer
    this.store = store
    this.records = records
  }

  add(task: number, result: TaskResult): void {
    result.forEach((outcome, item) => {
      const rank = rankOf(task, item)
      if (!outcome.ok)
        return void this.entries.push({ ...toEntry(outcome), rank })
      const { articleHash } = outcome
      // One object literal (no spread or rest): every Held shares a shape.
      const held: Held = {
        id: outcome.id,
        link: outcome.link,
        dateMs: outcome.dateMs,
        notes: outcome.notes,
        paths: outcome.paths.map((p) => this.intern(p)),
        images: outcome.images,
        file: outcome.file,
        articleHash,
        rank,
        task,
        item,
        itemIndex: this.store.add(outcome.itemBytes),
      }
      this.candidates.add(held)
      if (outcome.searchRecord) {
        this.records?.put(articleHash, outcome.searchRecord)
      }
      const rel = dataPaths.article(held.id)
      this.writer.record(rel, articleHash, outcome.written)
      if (outcome.onDisk) {
        const before = this.seen.get(rel)
        const same = before === undefined || before === articleHash
        this.seen.set(rel, same ? articleHash : MIXED)
      }
    })
  }

  /** Resolves duplicates; adds the written and merged entries to the report. */
  finish(): Resolved<Held> {
    const resolved = this.candidates.resolve()
    for (const w of resolved.winners) this.entries.push(writtenEntry(w))
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
  const status = outcome.skipped ? 'skipped' : 'rejected'
  return { file, status, ...(line ? { line } : {}), reason }
}

/** The entries in input order, as the report writes them. */
export function toReportEntries(entries: Entry[]): ReportEntry[] {
  return entries.sort((a, b) => a.rank - b.rank).map(withoutRank)
}

/**
 * The entry without its rank, built field by field: rest destructuring
 * (`{ rank, ...entry }`) would give each of 100,000 entries a hidden class
 * of its own (~0.5 KB each in V8).
 */
function withoutRank(entry: Entry): ReportEntry {
  const out: ReportEntry = { file: entry.file, status: entry.status }
  if (entry.line !== undefined) out.line = entry.line
  if (entry.id !== undefined) out.id = entry.id
  if (entry.merged_into !== undefined) out.merged_into = entry.merged_into
  if (entry.reason !== undefined) out.reason = entry.reason
  return out
}

function writtenEntry(held: Held): Entry {
  const entry: Entry = {
    file: held.file,
    status: 'written',
    id: held.id,
    rank: held.rank,
  }
  if (held.notes.length > 0) entry.reason = held.notes.join('; ')
  return entry
}
