import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { bundleDir } from '../shared/bundle-dir.ts'
import type { InputTask } from '../read/input-types.ts'
import { runTask, type TaskContext, type TaskResult } from './run-task.ts'
import type { WorkerBatch, WorkerReply } from './worker.ts'

export const BATCH_SIZE = 32
/**
 * Batches queued at each worker: enough that it never waits while the main
 * thread is busy (a garbage collection of a large heap takes 100+ ms).
 */
const IN_FLIGHT = 4

/** A file's outcomes; its task now holds the size, time and content hash it was read with. */
export type OnResult = (
  index: number,
  task: InputTask,
  result: TaskResult,
) => void

/** The files to convert, one at a time, with their index in the run; undefined when done. */
export type TaskSource = () => WorkerBatch[number] | undefined

/** One worker per core, leaving none idle: the main thread mostly waits. */
export function defaultWorkerCount(): number {
  return availableParallelism()
}

/**
 * Runs the tasks `next` hands out on `workers` worker threads (0: on this
 * thread), and reports each file's result as it arrives (not in input
 * order). Workers get small batches, a few queued each, so a slow file
 * never idles a core; tasks are taken from `next` only as batches are
 * sent, so they are never all in memory. A run of fewer than two batches
 * is done on this thread.
 */
export async function runTasks(
  next: TaskSource,
  context: TaskContext,
  workers: number,
  onResult: OnResult,
): Promise<void> {
  const batches = batchesOf(next)
  const first = [batches(), batches()].filter((b) => b.length > 0)
  if (workers <= 0 || first.length < 2 || first[1].length < BATCH_SIZE) {
    for (const batch of first) runHere(batch, context, onResult)
    for (let batch = batches(); batch.length > 0; batch = batches())
      runHere(batch, context, onResult)
    return
  }
  const queue = () => first.shift() ?? batches()
  await Promise.all(
    Array.from({ length: workers }, () => runWorker(queue, context, onResult)),
  )
}

function runHere(batch: WorkerBatch, context: TaskContext, onResult: OnResult) {
  for (const { index, task } of batch)
    onResult(index, task, runTask(task, context))
}

/** Batches of up to BATCH_SIZE tasks from `next`; an empty one when done. */
function batchesOf(next: TaskSource): () => WorkerBatch {
  return () => {
    const batch: WorkerBatch = []
    while (batch.length < BATCH_SIZE) {
      const task = next()
      if (!task) break
      batch.push(task)
    }
    return batch
  }
}

function runWorker(
  queue: () => WorkerBatch,
  context: TaskContext,
  onResult: OnResult,
): Promise<void> {
  let batch = queue()
  if (batch.length === 0) return Promise.resolve()
  const worker = spawnWorker(context)
  return new Promise((resolve, reject) => {
    // Batches sent and not answered yet; a worker answers them in order.
    const inFlight: WorkerBatch[] = []
    let drained = false
    const feed = () => {
      while (inFlight.length < IN_FLIGHT && !drained) {
        if (batch.length === 0) batch = queue()
        if (batch.length === 0) {
          drained = true
          break
        }
        worker.postMessage(batch)
        inFlight.push(batch)
        batch = []
      }
      if (inFlight.length === 0) {
        // Done: the thread winds down while the main thread goes on.
        void worker.terminate()
        resolve()
      }
    }
    worker.on('message', (reply: WorkerReply) => {
      const answered = inFlight.shift()!
      try {
        reply.forEach(({ index, result, size, mtimeMs, contentHash }, i) => {
          const { task } = answered[i]
          task.size ??= size
          task.mtimeMs ??= mtimeMs
          task.contentHash = contentHash
          onResult(index, task, result)
        })
      } catch (error) {
        drained = true
        void worker.terminate()
        reject(error)
        return
      }
      feed()
    })
    worker.on('error', reject)
    feed()
  })
}

/**
 * Starts the worker: `worker.mjs` beside this module in the bundle
 * (bin.mjs), or `worker.ts` after registering tsx when the sources run
 * directly (tsx, Vitest).
 */
function spawnWorker(context: TaskContext): Worker {
  return startWorker('worker', new URL('./worker.ts', import.meta.url), {
    execArgv: [],
    // A small young generation keeps each worker's footprint near its live
    // data (one file at a time) instead of V8's generous default; 16 MB
    // rather than 8 scavenges less often (10k posts: ~4 % faster, +8 MB
    // per worker).
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
    workerData: {
      ...context,
      mergedBefore: [...context.mergedBefore],
    },
  })
}

/**
 * Starts a worker thread on a module of the ingest: `<name>.mjs` in the
 * bundle (bin.mjs, which lists it as an entry point) or, when the sources
 * run directly (tsx, Vitest), `source` after registering tsx.
 */
export function startWorker(
  name: string,
  source: URL,
  options: WorkerOptions,
): Worker {
  if (bundleDir) return new Worker(join(bundleDir, `${name}.mjs`), options)
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}) })`
  return new Worker(code, { ...options, eval: true })
}
