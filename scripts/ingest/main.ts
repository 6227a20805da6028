import { accessSync, constants, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  CONTRACT_VERSION,
  dataPaths,
  type IngestReport,
  type Manifest,
  type ReportEntry,
} from '../../src/lib/article-schema.ts'
import { buildCategoryTree, sortNodes } from './category-tree.ts'
import { CandidateSet, type Candidate } from './dedupe.ts'
import { discoverInputs } from './discover-inputs.ts'
import { IngestError } from './errors.ts'
import { OutputWriter } from './output-writer.ts'
import { assertTimeZone, formatRfc3339 } from './parse-date.ts'
import { processInput, type Rejection } from './read-input.ts'
import { buildReport, formatEntry } from './report.ts'
import {
  ALL_TITLE,
  PAGE_SIZE,
  writeCategoryLists,
  writeList,
} from './write-lists.ts'

export { IngestError } from './errors.ts'
export { PAGE_SIZE } from './write-lists.ts'

export const MANIFEST_TITLE = '资讯'

export type MainOptions = {
  inputs: string[]
  outDir: string
  /** IANA zone for dates written without one; default UTC. */
  timeZone?: string
  /** Receives one line per file that needs attention. */
  log?: (line: string) => void
  /** Called after each input file. */
  onProgress?: (done: number, total: number) => void
}

export type MainResult = {
  report: IngestReport
  articles: number
  categories: number
  /** Output files written, left as they were, and removed as stale. */
  files: { written: number; unchanged: number; removed: number }
}

/**
 * Reads every post and feed under `inputs` and writes the data contract
 * (docs/data-contract.md) into `outDir`: `articles/<id>.json`, list pages
 * for all articles and for every category node, `manifest.json` and
 * `ingest-report.json`. Bad files are reported, never fatal. Throws
 * IngestError for problems with the run itself (no input, output not
 * writable, unknown time zone). Never calls process.exit.
 */
export async function main(options: MainOptions): Promise<MainResult> {
  const timeZone = checkOptions(options)
  const outDir = resolve(options.outDir)
  const discovery = discoverInputs(options.inputs)
  const total = discovery.tasks.length
  if (total === 0 && discovery.problems.length === 0) {
    throw new IngestError(
      `no posts or feeds found in ${options.inputs.join(', ')}`,
    )
  }
  prepareOutDir(outDir)
  const writer = new OutputWriter(outDir)
  const candidates = new CandidateSet()
  const entries: Array<ReportEntry & { rank: number }> = []
  discovery.problems.forEach((p) => entries.push({ ...toEntry(p), rank: -1 }))
  discovery.tasks.forEach((task, index) => {
    const outcomes = processInput(task, { timeZone })
    outcomes.forEach((outcome, item) => {
      const rank = index * 2 ** 20 + item
      if (!outcome.ok) return entries.push({ ...toEntry(outcome), rank })
      const candidate: Candidate = {
        ...outcome.prepared,
        file: outcome.file,
        rank,
      }
      if (candidates.add(candidate))
        writer.write(dataPaths.article(candidate.id), candidate.articleJson)
      candidate.articleJson = ''
    })
    options.onProgress?.(index + 1, total)
  })
  const { winners, merged, droppedIds } = candidates.resolve()
  droppedIds.forEach((id) => writer.forget(dataPaths.article(id)))
  for (const w of winners) entries.push({ ...writtenEntry(w), rank: w.rank })
  entries.push(...merged)
  const report = buildReport(sortEntries(entries))
  report.files.forEach((entry) => {
    const line = formatEntry(entry)
    if (line) options.log?.(line)
  })
  const categories = writeLists(writer, winners)
  writer.write(dataPaths.report, json(report))
  const removed = writer.removeStale()
  return {
    report,
    articles: winners.length,
    categories,
    files: { written: writer.written, unchanged: writer.unchanged, removed },
  }
}

function checkOptions(options: MainOptions): string {
  if (options.inputs.length === 0) throw new IngestError('no --input given')
  const timeZone = options.timeZone ?? 'UTC'
  try {
    assertTimeZone(timeZone)
  } catch {
    throw new IngestError(
      `unknown time zone: ${timeZone} (use an IANA name such as Asia/Shanghai)`,
    )
  }
  return timeZone
}

function prepareOutDir(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true })
    accessSync(outDir, constants.W_OK)
  } catch (error) {
    throw new IngestError(
      `output folder is not writable: ${outDir} (${(error as Error).message})`,
    )
  }
}

/** Newest first; the same date falls back to the id, so order is stable. */
function compareArticles(a: Candidate, b: Candidate): number {
  return b.dateMs - a.dateMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function writeLists(writer: OutputWriter, winners: Candidate[]): number {
  const sorted = winners.sort(compareArticles)
  const items = sorted.map((c) => c.itemJson)
  const all = writeList(writer, {
    key: 'all',
    title: ALL_TITLE,
    dir: 'pages/all',
    items,
  })
  const tree = buildCategoryTree(sorted)
  const categories = writeCategoryLists(writer, tree, items, sortNodes)
  const manifest: Manifest = {
    version: CONTRACT_VERSION,
    generated: formatRfc3339(sorted[0]?.dateMs ?? 0),
    title: MANIFEST_TITLE,
    total: sorted.length,
    page_size: PAGE_SIZE,
    all,
    categories,
  }
  writer.write(dataPaths.manifest, json(manifest))
  return countNodes(categories)
}

function countNodes(nodes: Manifest['categories']): number {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0)
}

function toEntry(outcome: Rejection): ReportEntry {
  const { file, line, reason } = outcome
  return { file, status: 'rejected', ...(line ? { line } : {}), reason }
}

function writtenEntry(c: Candidate): ReportEntry {
  const reason = c.notes.join('; ')
  return {
    file: c.file,
    status: 'written',
    id: c.id,
    ...(reason ? { reason } : {}),
  }
}

function sortEntries(
  entries: Array<ReportEntry & { rank: number }>,
): ReportEntry[] {
  return entries
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank: _rank, ...entry }) => entry)
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
