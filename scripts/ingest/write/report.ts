import {
  CONTRACT_VERSION,
  type IngestReport,
  type ReportEntry,
  type ReportStatus,
} from '../../../src/lib/article-schema.ts'

/** Counts per status and the entries in the order given (input order). */
export function buildReport(entries: ReportEntry[]): IngestReport {
  const counts: Record<ReportStatus, number> = {
    written: 0,
    merged: 0,
    rejected: 0,
  }
  for (const entry of entries) counts[entry.status]++
  return { version: CONTRACT_VERSION, counts, files: entries }
}

/**
 * The stderr line for an entry that needs attention (rejected, merged, or
 * written with a note); undefined for a clean write.
 */
export function formatEntry(entry: ReportEntry): string | undefined {
  const where = entry.line ? `${entry.file}:${entry.line}` : entry.file
  if (entry.status === 'rejected') return `rejected: ${where}: ${entry.reason}`
  if (entry.status === 'merged') {
    return `merged: ${where} → ${entry.merged_into} (${entry.reason})`
  }
  return entry.reason ? `note: ${where}: ${entry.reason}` : undefined
}

/**
 * The report as JSON with one line per input file, so it can be read,
 * grepped and diffed line by line (and stays small at 100,000 files).
 */
export function renderReport(report: IngestReport): string {
  return [...reportParts(report)].join('')
}

/** renderReport in pieces, so 100,000 lines never sit in memory at once. */
export function* reportParts(report: IngestReport): Generator<string> {
  const counts = JSON.stringify(report.counts, null, 2).replace(/\n/g, '\n  ')
  yield `{\n  "version": ${report.version},\n  "counts": ${counts},\n  "files": `
  if (report.files.length === 0) yield '[]'
  else {
    yield '[\n'
    let first = true
    for (const entry of report.files) {
      yield `${first ? '' : ',\n'}    ${JSON.stringify(entry)}`
      first = false
    }
    yield '\n  ]'
  }
  yield '\n}\n'
}
