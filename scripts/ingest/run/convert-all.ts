import { statSync } from 'node:fs'
import type {
  InputResultsCache,
  InputResultsCacheWriter,
} from '../cache/input-results-cache.ts'
import { convertInput } from '../convert/convert-input.ts'
import type { Discovery } from '../read/files/discover-inputs.ts'
import type { InputTask } from '../read/input-types.ts'
import type { SpillFile } from '../shared/spill-file.ts'
import type { TaskContext, TaskResult } from '../workers/run-task.ts'
import {
  defaultWorkerCount,
  runTasks,
  type TaskSource,
} from '../workers/worker-pool.ts'
import type { WorkerBatch } from '../workers/worker.ts'
import { ResultCollector } from '../write/collect/collect-results.ts'
import { MIXED, UNSEEN, type Resolved } from '../write/collect/dedupe.ts'
import type { OutputWriter, PreviousOutput } from '../write/output-writer.ts'
import type { ImageStage } from './images/image-stage.ts'
import type { SearchRecordCache } from '../cache/search-record-cache.ts'

/** What one run works with, from discovery to the caches for the next. */
export type Run = {
  discovery: Discovery
  context: TaskContext
  /** What the previous run left in the output (what is on disk, unless changed). */
  previous: PreviousOutput
  writer: OutputWriter
  /** Empty spill files for the list items and the rejections. */
  spills: { items: SpillFile; rejections: SpillFile }
  /** Last run's results per input file (none on a first run). */
  inputResults?: InputResultsCache
  /** This run's results per input file, for the next run. */
  nextInputResults: InputResultsCacheWriter
  /** With `--images`: the mirrored images, and fetching the new ones. */
  images?: ImageStage
  /** Search records by article hash, when the index is written. */
  searchRecords?: SearchRecordCache
}

/**
 * Converts every discovered input: taken from the last run's results when
 * unchanged, else read and converted on the worker threads (`workers`, 0:
 * this thread). Collects the results as they arrive, resolves duplicates
 * and makes sure each winner's file holds its bytes. Returns the collector
 * (the article table, the rejections), what deduplication decided, and how
 * many inputs were converted or cached.
 */
export async function convertAll(
  run: Run,
  options: {
    workers?: number
    onProgress?: (done: number, total: number) => void
  },
) {
  const { tasks } = run.discovery
  const collector = new ResultCollector(
    run.spills.items,
    run.spills.rejections,
    run.searchRecords,
  )
  let done = 0
  let converted = 0
  // Inputs whose articles use images not fetched yet: converted again after.
  const waiting: WorkerBatch = []
  const wanted: string[] = []
  let secondPass = false
  const accept = (index: number, task: InputTask, result: TaskResult) => {
    const wants = run.images && !secondPass ? wantedImages(result) : []
    if (wants.length > 0) {
      waiting.push({ index, task })
      wanted.push(...wants)
      return
    }
    collector.add(index, task.file, result)
    run.nextInputResults.add(task, result)
    options.onProgress?.(++done, tasks.length)
  }
  let cursor = 0
  // Tasks are made as they are handed out; cached ones are accepted on the way.
  const next: TaskSource = () => {
    while (cursor < tasks.length) {
      const index = cursor++
      const task = tasks.get(index)
      if (run.inputResults) statTask(task)
      const cached = run.inputResults?.get(task)
      if (!cached) {
        converted++
        return { index, task }
      }
      accept(index, task, cached)
    }
    return undefined
  }
  const workers = options.workers ?? defaultWorkerCount()
  await runTasks(next, run.context, workers, accept)
  if (run.images && waiting.length > 0) {
    await run.images.fetch(wanted)
    secondPass = true
    await runTasks(() => waiting.shift(), run.context, workers, accept)
  }
  const resolved = collector.dedupe.resolve()
  const isWinner = new Uint8Array(collector.table.count)
  for (const row of resolved.winners) isWinner[row] = 1
  run.writer.keepArticles((id) => {
    const row = collector.dedupe.bestRow(id)
    return row !== undefined && isWinner[row] === 1
  })
  rewriteMismatched(collector, resolved, run)
  if (run.searchRecords)
    addMissingRecords(collector, resolved, run.searchRecords, run)
  const inputs = { converted, cached: tasks.length - converted }
  return { collector, resolved, inputs }
}

function wantedImages(result: TaskResult): string[] {
  return result.flatMap((outcome) =>
    outcome.ok ? (outcome.wantImages ?? []) : [],
  )
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
  collector: ResultCollector,
  resolved: Resolved,
  run: Run,
): void {
  const { table, dedupe } = collector
  for (const row of resolved.winners) {
    const id = table.id(row)
    const hash = table.articleHash(row)
    const disk = dedupe.diskRow(id)
    const onDisk =
      disk === UNSEEN
        ? run.previous.articles.get(id)
        : disk === MIXED
          ? undefined
          : table.articleHash(disk)
    if (onDisk === hash) continue
    const task = run.discovery.tasks.get(table.task(row))
    const outcome = convertInput(task, run.context)[table.item(row)]
    if (outcome?.ok) {
      run.writer.writeArticle(id, outcome.prepared.articleJson)
      collector.written++
    }
  }
}

/**
 * Makes sure each winner has a search record: one taken from the input
 * results cache has its record in the record cache, unless that cache was
 * lost (deleted, or written by other code); such winners are converted
 * again here.
 */
function addMissingRecords(
  collector: ResultCollector,
  resolved: Resolved,
  records: SearchRecordCache,
  run: Run,
): void {
  const { table } = collector
  for (const row of resolved.winners) {
    const hash = table.articleHash(row)
    if (records.has(hash)) continue
    const task = run.discovery.tasks.get(table.task(row))
    const outcome = convertInput(task, run.context)[table.item(row)]
    if (outcome?.ok && outcome.prepared.searchRecord) {
      records.put(hash, outcome.prepared.searchRecord)
    }
  }
}
