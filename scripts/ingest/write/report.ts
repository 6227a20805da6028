import {
  CONTRACT_VERSION,
  dataPaths,
  type FeedHealth,
  type IngestReport,
  type ReportEntry,
  type ReportStatus,
} from '../../../src/lib/article-schema.ts'
import { extname } from 'node:path'

/**
 * Counts per status and the entries in the order given (input order);
 * with subscriptions, each feed's health.
 */
export function buildReport(
  entries: ReportEntry[],
  subscriptions?: FeedHealth[],
): IngestReport {
  const counts: Record<ReportStatus, number> = {
    written: 0,
    merged: 0,
    rejected: 0,
    skipped: 0,
  }
  for (const entry of entries) counts[entry.status]++
  const report: IngestReport = {
    version: CONTRACT_VERSION,
    counts,
    files: entries,
  }
  if (subscriptions) report.subscriptions = subscriptions
  return report
}

/**
 * The stderr lines for the person who ran the ingest: one per entry that
 * needs attention, then one for all skipped files together (a folder of
 * images would otherwise drown the rest).
 */
export function* attentionLines(report: IngestReport): Generator<string> {
  const skipped: string[] = []
  for (const entry of report.files) {
    if (entry.status === 'skipped') skipped.push(entry.file)
    const line = formatEntry(entry)
    if (line) yield line
  }
  if (skipped.length > 0) {
    yield `skipped: ${skipped.length} files that are no posts or feeds (${skippedTally(skipped)}); ${dataPaths.report} lists them`
  }
}

/** `.png 10, .txt 2, no extension 1`: skipped files by extension, most first. */
export function skippedTally(files: string[]): string {
  const counts = new Map<string, number>()
  for (const file of files) {
    const ext =
      extname(file.replace(/#\d+$/, '')).toLowerCase() || 'no extension'
    counts.set(ext, (counts.get(ext) ?? 0) + 1)
  }
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
  if (report.subscriptions) {
    yield ',\n  "subscriptions": ['
    let first = true
    for (const feed of report.subscriptions) {
      yield `${first ? '\n' : ',\n'}    ${JSON.stringify(feed)}`
      first = false
    }
    yield first ? ']' : '\n  ]'
  }
  if (report.images) {
    const { images, ...totals } = report.images
    yield `,\n  "images": ${JSON.stringify(totals).slice(0, -1)},"images":[`
    yield images.map((image) => `\n    ${JSON.stringify(image)}`).join(',')
    yield images.length === 0 ? ']}' : '\n  ]}'
  }
  yield '\n}\n'
}
