import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { dataPaths, type IngestReport } from '../../src/lib/article-schema.ts'
import {
  ResultCollector,
  toReportEntries,
  type Held,
} from './write/collect/collect-results.ts'
import { discoverInputs, type Discovery } from './read/files/discover-inputs.ts'
import { codeVersion } from './cache/code-version.ts'
import {
  InputResultsCache,
  InputResultsCacheWriter,
} from './cache/input-results-cache.ts'
import {
  cacheFiles,
  loadOutputHashes,
  saveOutputHashes,
} from './cache/output-hash-cache.ts'
import { ItemStore } from './write/collect/item-store.ts'
import { OutputWriter } from './write/output-writer.ts'
import { phaseClock } from './run/phase-clock.ts'
import { convertInput } from './convert/convert-input.ts'
import type { InputTask } from './read/input-types.ts'
import { attentionLines, buildReport } from './write/report.ts'
import {
  checkDiscovery,
  checkTimeZone,
  prepareOutDir,
} from './run/run-checks.ts'
import type { TaskContext, TaskResult } from './workers/run-task.ts'
import { defaultWorkerCount, runTasks } from './workers/worker-pool.ts'
import type { WorkerBatch } from './workers/worker.ts'
import { writeData } from './write/write-data.ts'

export { IngestError } from './shared/errors.ts'
export { PAGE_SIZE } from './write/write-lists.ts'
export type { Held } from './write/collect/collect-results.ts'

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
  /** Where the caches for the next run are kept (default `.cache/ingest`). */
  cacheDir?: string
}

export type MainResult = {
  report: IngestReport
  articles: number
  categories: number
  /** Output files written, left as they were, and removed as stale. */
  files: { written: number; unchanged: number; removed: number }
  /** Input files converted, and taken unchanged from the last run. */
  inputs: { converted: number; cached: number }
  /** Wall milliseconds per phase: discover, convert, lists, cleanup. */
  phases: Record<string, number>
}

type Run = {
  discovery: Discovery
  context: TaskContext
  /** Output hashes of the previous run (what is on disk, unless changed). */
  previous: ReadonlyMap<string, string>
  writer: OutputWriter
  store: ItemStore
  /** Last run's results per input file (none on a first run). */
  inputResults?: InputResultsCache
  /** This run's results per input file, for the next run. */
  nextInputResults: InputResultsCacheWriter
}

/**
 * Reads every post and feed under `inputs` and writes the data contract
 * (docs/data-contract.md) into `outDir`: `articles/<id>.json`, list pages
 * for all articles and for every category node, `manifest.json` and
 * `ingest-report.json`. Bad files are reported, never fatal. Unchanged
 * input files are not read again, files whose bytes did not change are
 * not rewritten, and files of earlier runs that this run did not produce
 * are removed. Throws IngestError for problems with the run itself (no
 * input, output not writable, unknown time zone).
 */
export async function main(options: MainOptions): Promise<MainResult> {
  const timeZone = checkTimeZone(options)
  const outDir = resolve(options.outDir)
  const clock = phaseClock()
  const discovery = checkDiscovery(discoverInputs(options.inputs), options)
  const freshOutput = !existsSync(join(outDir, 'articles'))
  prepareOutDir(outDir)
  clock.lap('discover')
  const files = cacheFiles(options.cacheDir ?? '.cache/ingest', outDir)
  const lastRun = loadOutputHashes(files.outputHashes, outDir)
  const inputKey = `${codeVersion()} ${timeZone}`
  const run: Run = {
    discovery,
    context: { timeZone, outDir, mergedBefore: lastRun.merged, freshOutput },
    previous: lastRun.outputs,
    writer: new OutputWriter(outDir, lastRun.outputs),
    store: new ItemStore(),
    inputResults:
      lastRun.outputs.size > 0
        ? InputResultsCache.load(files.inputResults, inputKey)
        : undefined,
    nextInputResults: new InputResultsCacheWriter(files.inputResults, inputKey),
  }
  const { winners, entries, inputs } = await convertAll(run, options)
  // Nothing reads the tasks any more; let them go before the lists are built.
  run.discovery.tasks.length = 0
  clock.lap('convert')
  const report = buildReport(toReportEntries(entries))
  for (const line of attentionLines(report)) options.log?.(line)
  const categories = writeData(run.writer, winners, run.store, report)
  clock.lap('lists')
  const removed = run.writer.removeStale()
  const merged = new Set(
    report.files.filter((f) => f.status === 'merged').map((f) => f.file),
  )
  saveOutputHashes(files.outputHashes, outDir, {
    outputs: run.writer.hashes,
    merged,
  })
  run.inputResults?.close()
  run.nextInputResults.finish()
  clock.lap('cleanup')
  const { written, unchanged } = run.writer
  return {
    report,
    articles: winners.length,
    categories,
    files: { written, unchanged, removed },
    inputs,
    phases: clock.phases,
  }
}

async function convertAll(run: Run, options: MainOptions) {
  const { tasks } = run.discovery
  const collector = new ResultCollector(
    run.discovery.notRead,
    run.writer,
    run.store,
  )
  let done = 0
  const accept = (index: number, result: TaskResult) => {
    collector.add(index, result)
    run.nextInputResults.add(tasks[index], result)
    options.onProgress?.(++done, tasks.length)
  }
  const pending: WorkerBatch = []
  tasks.forEach((task, index) => {
    if (run.inputResults) statTask(task)
    const cached = run.inputResults?.get(task)
    if (cached) accept(index, cached)
    else pending.push({ index, task })
  })
  const workers = options.workers ?? defaultWorkerCount()
  await runTasks(pending, run.context, workers, accept)
  const { winners, droppedIds } = collector.finish()
  droppedIds.forEach((id) => run.writer.forget(dataPaths.article(id)))
  rewriteMismatched(winners, collector.seen, run)
  const inputs = {
    converted: pending.length,
    cached: tasks.length - pending.length,
  }
  return { winners, entries: collector.entries, inputs }
}

/** Fills in a task's size and time (discovery leaves them to the reader). */
function statTask(task: InputTask): void {
  if (task.size !== undefined) return
  try {
    const stat = statSync(task.path)
    task.size = stat.size
    task.mtimeMs = stat.mtimeMs
  } catch {
    // Gone or unreadable: the reader will say so.
  }
}

/**
 * Makes sure each winner's bytes are what is on disk. Threads write
 * article files as they go; when files shared an id, a loser may have
 * written last, or the winner may have been skipped as merged last time
 * or taken from the input results cache.
 * Such winners are read again and written here, so the result never
 * depends on thread timing or on the previous run.
 */
function rewriteMismatched(
  winners: Held[],
  seen: ReadonlyMap<string, string>,
  run: Run,
): void {
  for (const winner of winners) {
    const rel = dataPaths.article(winner.id)
    const onDisk = seen.get(rel) ?? run.previous.get(rel)
    run.writer.hashes.set(rel, winner.articleHash)
    if (onDisk === winner.articleHash) continue
    const task = run.discovery.tasks[winner.task]
    const outcome = convertInput(task, run.context)[winner.item]
    if (outcome?.ok) run.writer.write(rel, outcome.prepared.articleJson, true)
  }
}
