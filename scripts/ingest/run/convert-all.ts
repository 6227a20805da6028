import { statSync } from 'node:fs'
import { dataPaths } from '../../../src/lib/article-schema.ts'
import type {
  InputResultsCache,
  InputResultsCacheWriter,
} from '../cache/input-results-cache.ts'
import { convertInput } from '../convert/convert-input.ts'
import type { Discovery } from '../read/files/discover-inputs.ts'
import type { InputTask } from '../read/input-types.ts'
import type { TaskContext, TaskResult } from '../workers/run-task.ts'
import { defaultWorkerCount, runTasks } from '../workers/worker-pool.ts'
import type { WorkerBatch } from '../workers/worker.ts'
import { ResultCollector, type Held } from '../write/collect/collect-results.ts'
import type { ItemStore } from '../write/collect/item-store.ts'
import type { OutputWriter } from '../write/output-writer.ts'
import type { ImageStage } from './images/image-stage.ts'
import type { SearchRecordCache } from '../cache/search-record-cache.ts'

/** What one run works with, from discovery to the caches for the next. */
export type Run = {
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
  /** With `--images`: the mirrored images, and fetching the new ones. */
  images?: ImageStage
  /** Search records by article hash, when the index is written. */
  searchRecords?: SearchRecordCache
}

/**
 * Converts every discovered input: taken from the last run's results when
 * unchanged, else read and converted on the worker threads (`workers`, 0:
 * this thread). Collects the results as they arrive, resolves duplicates
 * and makes sure each winner's file holds its bytes. Returns the winners,
 * the report entries and how many inputs were converted or cached.
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
    run.discovery.notRead,
    run.writer,
    run.store,
    run.searchRecords,
  )
  let done = 0
  // Inputs whose articles use images not fetched yet: converted again after.
  const waiting: WorkerBatch = []
  const wanted: string[] = []
  let secondPass = false
  const accept = (index: number, result: TaskResult) => {
    const wants = run.images && !secondPass ? wantedImages(result) : []
    if (wants.length > 0) {
      waiting.push({ index, task: tasks[index] })
      wanted.push(...wants)
      return
    }
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
  if (run.images && waiting.length > 0) {
    await run.images.fetch(wanted)
    secondPass = true
    await runTasks(waiting, run.context, workers, accept)
  }
  const { winners, droppedIds } = collector.finish()
  droppedIds.forEach((id) => run.writer.forget(dataPaths.article(id)))
  rewriteMismatched(winners, collector.seen, run)
  if (run.searchRecords) addMissingRecords(winners, run.searchRecords, run)
  const inputs = {
    converted: pending.length,
    cached: tasks.length - pending.length,
  }
  return { winners, entries: collector.entries, inputs }
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

/**
 * Makes sure each winner has a search record: one taken from the input
 * results cache has its record in the record cache, unless that cache was
 * lost (deleted, or written by other code); such winners are converted
 * again here.
 */
function addMissingRecords(
  winners: Held[],
  records: SearchRecordCache,
  run: Run,
): void {
  for (const winner of winners) {
    if (records.has(winner.articleHash)) continue
    const task = run.discovery.tasks[winner.task]
    const outcome = convertInput(task, run.context)[winner.item]
    if (outcome?.ok && outcome.prepared.searchRecord) {
      records.put(winner.articleHash, outcome.prepared.searchRecord)
    }
  }
}
