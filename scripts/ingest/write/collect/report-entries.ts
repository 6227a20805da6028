import type {
  ReportEntry,
  ReportStatus,
} from '../../../../src/lib/article-schema.ts'
import type { NotRead } from '../../read/files/discover-inputs.ts'
import type { ArticleTable } from './article-table.ts'
import { rankOf } from './article-table.ts'
import type { RejectionLog } from './collect-results.ts'
import type { Resolved } from './dedupe.ts'

/** What the report is made of, every part in any order but `notRead`. */
export type ReportSources = {
  /** Files and folders discovery did not read, in input order. */
  notRead: readonly NotRead[]
  rejected: RejectionLog
  table: ArticleTable
  resolved: Resolved
  /** The report name of input `task`. */
  taskFile: (task: number) => string
}

/** The report's counts, and its entries in input order, made one at a time. */
export type ReportStream = {
  counts: Record<ReportStatus, number>
  /** A new pass over the entries each call (nothing is kept between). */
  entries: () => Generator<ReportEntry>
}

/**
 * The report of a run as a stream: every input's entry in input order
 * (the walk's, feed items in turn), built from the article table and the
 * spilled rejections when it is written, so 1,000,000 entries never sit in
 * memory together. Sorting costs 4 bytes per article and per rejection.
 */
export function reportStream(sources: ReportSources): ReportStream {
  const { table, resolved, rejected } = sources
  const loserAt = new Int32Array(table.count).fill(-1)
  resolved.losers.forEach((row, i) => (loserAt[row] = i))
  const byRank = (rank: (i: number) => number, count: number) =>
    Uint32Array.from({ length: count }, (_, i) => i).sort(
      (a, b) => rank(a) - rank(b),
    )
  const rows = byRank((row) => table.rank(row), table.count)
  const spilled = byRank((i) => rejected.ranks[i], rejected.ranks.length)
  const counts = { written: 0, merged: 0, rejected: 0, skipped: 0 }
  counts.written = resolved.winners.length
  counts.merged = resolved.losers.length
  counts.skipped = rejected.skipped
  counts.rejected = rejected.ranks.length - rejected.skipped
  for (const entry of sources.notRead)
    counts[entry.skipped ? 'skipped' : 'rejected']++

  const article = (row: number): ReportEntry => {
    const file = table.file(row, sources.taskFile)
    const loser = loserAt[row]
    if (loser < 0) {
      const entry: ReportEntry = { file, status: 'written', id: table.id(row) }
      const notes = table.notes(row)
      if (notes.length > 0) entry.reason = notes.join('; ')
      return entry
    }
    const winner = resolved.mergedInto[loser]
    return {
      file,
      status: 'merged',
      id: table.id(winner),
      merged_into: table.file(winner, sources.taskFile),
      reason: `duplicate (${resolved.reasons[loser]})`,
    }
  }
  function* entries(): Generator<ReportEntry> {
    let [a, r, n] = [0, 0, 0]
    const { notRead } = sources
    // Just before the task found after it: the report keeps walk order.
    const notReadRank = (i: number) => rankOf(notRead[i].before, 0) - 1
    for (;;) {
      const next = Math.min(
        a < rows.length ? table.rank(rows[a]) : Infinity,
        r < spilled.length ? rejected.ranks[spilled[r]] : Infinity,
        n < notRead.length ? notReadRank(n) : Infinity,
      )
      if (next === Infinity) return
      if (n < notRead.length && notReadRank(n) === next) {
        yield notReadEntry(notRead[n++])
      } else if (r < spilled.length && rejected.ranks[spilled[r]] === next) {
        const bytes = rejected.spill.read(spilled[r++])
        yield JSON.parse(bytes.toString('utf8')) as ReportEntry
      } else yield article(rows[a++])
    }
  }
  return { counts, entries }
}

function notReadEntry(entry: NotRead): ReportEntry {
  const { file, line, reason } = entry
  const status = entry.skipped ? 'skipped' : 'rejected'
  return { file, status, ...(line ? { line } : {}), reason }
}
