import {
  dataPaths,
  type IngestReport,
  type ReportEntry,
} from '../../../src/lib/article-schema.ts'
import { extname } from 'node:path'

/**
 * The entries as they are, telling `log` the stderr lines for the person
 * who ran the ingest as the entries pass (a streamed report is read once):
 * one per entry that needs attention, then one for all skipped files
 * together (a folder of images would otherwise drown the rest).
 */
export function* withAttentionLines(
  entries: Iterable<ReportEntry>,
  log: (line: string) => void,
): Generator<ReportEntry> {
  const skipped = new Map<string, number>()
  for (const entry of entries) {
    if (entry.status === 'skipped') countExtension(skipped, entry.file)
    const line = formatEntry(entry)
    if (line) log(line)
    yield entry
  }
  if (skipped.size > 0) {
    const total = [...skipped.values()].reduce((sum, n) => sum + n, 0)
    log(
      `skipped: ${total} files that are no posts or feeds (${formatTally(skipped)}); ${dataPaths.report} lists them`,
    )
  }
}

/** `.png 10, .txt 2, no extension 1`: skipped files by extension, most first. */
export function skippedTally(files: string[]): string {
  const counts = new Map<string, number>()
  for (const file of files) countExtension(counts, file)
  return formatTally(counts)
}

function countExtension(counts: Map<string, number>, file: string): void {
  const ext = extname(file.replace(/#\d+$/, '')).toLowerCase() || 'no extension'
  counts.set(ext, (counts.get(ext) ?? 0) + 1)
}

function formatTally(counts: Map<string, number>): string {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([ext, n]) => `${ext} ${n}`)
    .join(', ')
}

/**
 * The stderr line for an entry that needs attention (rejected, merged, or
 * written with a note); undefined for a clean write or a skipped file.
 */
export function formatEntry(entry: ReportEntry): string | undefined {
  if (entry.status === 'skipped') return undefined
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

/** A report whose entries are streamed (made as they are written). */
export type StreamedReport = Omit<IngestReport, 'files'> & {
  files: Iterable<ReportEntry>
}

/** renderReport in pieces, so 1,000,000 lines never sit in memory at once. */
export function* reportParts(report: StreamedReport): Generator<string> {
  const counts = JSON.stringify(report.counts, null, 2).replace(/\n/g, '\n  ')
  yield `{\n  "version": ${report.version},\n  "counts": ${counts},\n  "files": `
  let first = true
  for (const entry of report.files) {
    yield `${first ? '[\n' : ',\n'}    ${JSON.stringify(entry)}`
    first = false
  }
  yield first ? '[]' : '\n  ]'
  if (report.subscriptions) {
    yield ',\n  "subscriptions": ['
    let firstFeed = true
    for (const feed of report.subscriptions) {
      yield `${firstFeed ? '\n' : ',\n'}    ${JSON.stringify(feed)}`
      firstFeed = false
    }
    yield firstFeed ? ']' : '\n  ]'
  }
  if (report.images) {
    const { images, ...totals } = report.images
    yield `,\n  "images": ${JSON.stringify(totals).slice(0, -1)},"images":[`
    yield images.map((image) => `\n    ${JSON.stringify(image)}`).join(',')
    yield images.length === 0 ? ']}' : '\n  ]}'
  }
  yield '\n}\n'
}
