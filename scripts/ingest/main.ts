import { accessSync, constants, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  dataPaths,
  type IngestReport,
  type ReportEntry,
} from '../../src/lib/article-schema.ts'
import { CandidateSet } from './dedupe.ts'
import { discoverInputs, type Discovery } from './discover-inputs.ts'
import { IngestError } from './errors.ts'
import { cachePath, loadCache, saveCache } from './ingest-cache.ts'
import { OutputWriter } from './output-writer.ts'
import { assertTimeZone } from './parse-date.ts'
import { processInput, type Rejection } from './read-input.ts'
import { buildReport, formatEntry } from './report.ts'
import type { Done, TaskContext } from './run-task.ts'
import { defaultWorkerCount, runTasks } from './worker-pool.ts'
import { writeData } from './write-data.ts'
import { ItemStore } from './item-store.ts'

export { IngestError } from './errors.ts'
export { PAGE_SIZE } from './write-lists.ts'

export type MainOptions = {
  inputs: string[]
  outDir: string
  /** IANA zone for dates written without one; default UTC. */
  timeZone?: string
  /** Receives one line per file that needs attention. */
  log?: (line: string) => void
  /** Called after each input file. */
  onProgress?: (done: number, total: number) => void
  /** Worker threads for reading and converting; 0 runs on this thread. */
  workers?: number
  /** Where output hashes are kept between runs (default `.cache/ingest`). */
  cacheDir?: string
}

export type MainResult = {
  report: IngestReport
  articles: number
  categories: number
  /** Output files written, left as they were, and removed as stale. */
  files: { written: number; unchanged: number; removed: number }
  /** Wall milliseconds per phase: discover, convert, lists, cleanup. */
  phases: Record<string, number>
}

/** A converted article held by the main thread, and where it came from. */
export type Held = Omit<Done, 'itemBytes' | 'ok' | 'written'> & {
  rank: number
  task: number
  item: number
  itemIndex: number
}

type Entry = ReportEntry & { rank: number }

/**
 * Reads every post and feed under `inputs` and writes the data contract
 * (docs/data-contract.md) into `outDir`: `articles/<id>.json`, list pages
 * for all articles and for every category node, `manifest.json` and
 * `ingest-report.json`. Bad files are reported, never fatal. Files whose
 * bytes did not change are not rewritten; files of earlier runs that this
 * run did not produce are removed. Throws IngestError for problems with
 * the run itself (no input, output not writable, unknown time zone).
 */
export async function main(options: MainOptions): Promise<MainResult> {
  const timeZone = checkTimeZone(options)
  const outDir = resolve(options.outDir)
  const clock = phaseClock()
  const discovery = discoverInputs(options.inputs)
  clock.lap('discover')
  if (discovery.tasks.length === 0 && discovery.problems.length === 0) {
    throw new IngestError(
      `no posts or feeds found in ${options.inputs.join(', ')}`,
    )
  }
  prepareOutDir(outDir)
  const cacheFile = cachePath(options.cacheDir ?? '.cache/ingest', outDir)
  const memory = loadCache(cacheFile, outDir)
  const writer = new OutputWriter(outDir, memory.outputs)
  const context: TaskContext = {
    timeZone,
    outDir,
    previous: articleHashes(memory.outputs),
    mergedBefore: memory.merged,
  }
  const store = new ItemStore()
  const { winners, entries } = await convertAll(
    discovery,
    context,
    writer,
    store,
    options,
  )
  clock.lap('convert')
  const report = buildReport(sortEntries(entries))
  for (const entry of report.files) {
    const line = formatEntry(entry)
    if (line) options.log?.(line)
  }
  const categories = writeData(writer, winners, store, report)
  clock.lap('lists')
  const removed = writer.removeStale()
  const merged = report.files.filter((f) => f.status === 'merged')
  saveCache(cacheFile, outDir, {
    outputs: writer.hashes,
    merged: new Set(merged.map((f) => f.file)),
  })
  clock.lap('cleanup')
  const { written, unchanged } = writer
  return {
    report,
    articles: winners.length,
    categories,
    files: { written, unchanged, removed },
    phases: clock.phases,
  }
}

/** Milliseconds spent in each phase, for the benchmark. */
function phaseClock() {
  const phases: Record<string, number> = {}
  let last = performance.now()
  return {
    phases,
    lap(name: string) {
      const now = performance.now()
      phases[name] = Math.round(now - last)
      last = now
    },
  }
}

async function convertAll(
  discovery: Discovery,
  context: TaskContext,
  writer: OutputWriter,
  store: ItemStore,
  options: MainOptions,
): Promise<{ winners: Held[]; entries: Entry[] }> {
  const { tasks } = discovery
  const candidates = new CandidateSet<Held>()
  const writes = new Map<string, Set<string>>()
  const intern = interner()
  const entries: Entry[] = discovery.problems.map((p) => ({
    ...toEntry(p),
    rank: -1,
  }))
  let done = 0
  const workers = options.workers ?? defaultWorkerCount()
  await runTasks(tasks, context, workers, (task, result) => {
    result.forEach((outcome, item) => {
      const rank = task * 2 ** 20 + item
      if (!outcome.ok) return void entries.push({ ...toEntry(outcome), rank })
      const { itemBytes, ok: _ok, written, ...done } = outcome
      const itemIndex = store.add(itemBytes)
      const paths = done.paths.map(intern)
      const held: Held = { ...done, paths, rank, task, item, itemIndex }
      candidates.add(held)
      const rel = dataPaths.article(held.id)
      writer.record(rel, held.articleHash, written)
      if (written)
        writes.set(rel, (writes.get(rel) ?? new Set()).add(held.articleHash))
    })
    options.onProgress?.(++done, tasks.length)
  })
  const { winners, merged, droppedIds } = candidates.resolve()
  droppedIds.forEach((id) => writer.forget(dataPaths.article(id)))
  rewriteMismatched(winners, writes, discovery, context, writer)
  for (const w of winners) entries.push({ ...writtenEntry(w), rank: w.rank })
  entries.push(...merged)
  return { winners, entries }
}

/**
 * Makes sure each winner's bytes are what is on disk. Threads write
 * article files as they go; when files shared an id, a loser may have
 * written last, or the winner may have been skipped as merged last time.
 * Such winners are read again and written here, so the result never
 * depends on thread timing or on the previous run.
 */
function rewriteMismatched(
  winners: Held[],
  writes: Map<string, Set<string>>,
  discovery: Discovery,
  context: TaskContext,
  writer: OutputWriter,
): void {
  for (const winner of winners) {
    const rel = dataPaths.article(winner.id)
    const written = writes.get(rel)
    const onDisk = written
      ? written.size === 1
        ? [...written][0]
        : undefined
      : context.previous.get(rel)
    writer.hashes.set(rel, winner.articleHash)
    if (onDisk === winner.articleHash) continue
    const outcome = processInput(discovery.tasks[winner.task], context)[
      winner.item
    ]
    if (outcome?.ok) writer.write(rel, outcome.prepared.articleJson, true)
  }
}

/** Returns one shared array per distinct category path (100k articles, ~50 paths). */
function interner(): (path: string[]) => string[] {
  const known = new Map<string, string[]>()
  return (path) => {
    const key = path.join('\u0000')
    const found = known.get(key)
    if (found) return found
    known.set(key, path)
    return path
  }
}

function checkTimeZone(options: MainOptions): string {
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

function articleHashes(
  previous: ReadonlyMap<string, string>,
): Map<string, string> {
  return new Map([...previous].filter(([rel]) => rel.startsWith('articles/')))
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

function sortEntries(entries: Entry[]): ReportEntry[] {
  return entries
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank: _rank, ...entry }) => entry)
}
