import type { Rejection } from '../../read/input-types.ts'
import { float64Column } from '../../shared/columns.ts'
import type { SpillFile } from '../../shared/spill-file.ts'
import type { TaskResult } from '../../workers/run-task.ts'
import { ArticleTable, rankOf } from './article-table.ts'
import { Dedupe } from './dedupe.ts'

/** Rejected and skipped inputs as they arrive: spilled, with their ranks. */
export type RejectionLog = {
  spill: SpillFile
  /** Per spilled rejection: its rank (input order). */
  ranks: Float64Array
  /** How many of them are skips (no post or feed), not rejections. */
  skipped: number
}

/** Where search records go as they arrive (cache/search-record-cache.ts). */
export type RecordSink = { put: (hash: string, record: Uint8Array) => void }

/**
 * Gathers results as they arrive, in any order: articles into the table
 * (list items into its spill) and the duplicate check, search records to their cache, rejections into a
 * spill of their own for the report. Counts the article files threads
 * wrote and found unchanged.
 */
export class ResultCollector {
  readonly table: ArticleTable
  readonly dedupe: Dedupe
  written = 0
  unchanged = 0
  /** With `--images`: the image keys of each row that uses any. */
  readonly images = new Map<number, string[]>()
  private readonly rejections: SpillFile
  private readonly rejectionRanks = float64Column()
  private skipped = 0
  private readonly records?: RecordSink

  /**
   * `items` and `rejections`: empty spill files this collector fills;
   * `records`: where search records go.
   */
  constructor(items: SpillFile, rejections: SpillFile, records?: RecordSink) {
    this.table = new ArticleTable(items)
    this.dedupe = new Dedupe(this.table)
    this.rejections = rejections
    this.records = records
  }

  /** The outcomes of input `task` (report name `taskFile`). */
  add(task: number, taskFile: string, result: TaskResult): void {
    result.forEach((outcome, item) => {
      if (!outcome.ok) return this.reject(rankOf(task, item), outcome)
      const row = this.table.add(outcome, task, item, taskFile)
      this.dedupe.add(row)
      if (outcome.images && outcome.images.length > 0)
        this.images.set(row, outcome.images)
      if (outcome.searchRecord)
        this.records?.put(outcome.articleHash, outcome.searchRecord)
      if (outcome.written) this.written++
      else this.unchanged++
    })
  }

  /** The rejections so far. */
  get rejected(): RejectionLog {
    return {
      spill: this.rejections,
      ranks: this.rejectionRanks.view(),
      skipped: this.skipped,
    }
  }

  private reject(rank: number, outcome: Rejection): void {
    const { file, line, reason } = outcome
    const status = outcome.skipped ? 'skipped' : 'rejected'
    if (outcome.skipped) this.skipped++
    const entry = { file, status, ...(line ? { line } : {}), reason }
    this.rejections.append(Buffer.from(JSON.stringify(entry)))
    this.rejectionRanks.push(rank)
  }
}
