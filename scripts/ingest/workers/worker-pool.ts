import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { bundleDir } from '../shared/bundle-dir.ts'
import { runTask, type TaskContext, type TaskResult } from './run-task.ts'
import type { WorkerBatch, WorkerReply } from './worker.ts'

export const BATCH_SIZE = 32
/**
 * Batches queued at each worker: enough that it never waits while the main
 * thread is busy (a garbage collection of a large heap takes 100+ ms).
 */
const IN_FLIGHT = 4

/** A file's outcomes; its task now holds the size, time and content hash it was read with. */
export type OnResult = (index: number, result: TaskResult) => void

/** One worker per core, leaving none idle: the main thread mostly waits. */
export function defaultWorkerCount(): number {
  return availableParallelism()
}

/**
 * Runs the tasks (files with their index in the run) on `workers` worker
 * threads (0: on this thread), and
 * reports each file's result as it arrives (not in input order). Workers
 * get small batches, a few queued each, so a slow file never idles a core.
 */
export async function runTasks(
  tasks: WorkerBatch,
  context: TaskContext,
  workers: number,
  onResult: OnResult,
): Promise<void> {
  if (workers <= 0 || tasks.length < BATCH_SIZE * 2) {
    for (const { index, task } of tasks) onResult(index, runTask(task, context))
    return
  }
  const batches = toBatches(tasks)
  const count = Math.min(workers, Math.ceil(batches.length / 2))
  await Promise.all(
    Array.from({ length: count }, () => runWorker(batches, context, onResult)),
  )
}

function toBatches(tasks: WorkerBatch): WorkerBatch[] {
  const batches: WorkerBatch[] = []
  for (let start = 0; start < tasks.length; start += BATCH_SIZE) {
    batches.push(tasks.slice(start, start + BATCH_SIZE))
  }
  return batches.reverse()
}

function runWorker(
  queue: WorkerBatch[],
  context: TaskContext,
  onResult: OnResult,
): Promise<void> {
  const worker = spawnWorker(context)
  return new Promise((resolve, reject) => {
    // Batches sent and not answered yet; a worker answers them in order.
    const inFlight: WorkerBatch[] = []
    const feed = () => {
      while (inFlight.length < IN_FLIGHT && queue.length > 0) {
        const batch = queue.pop()!
        worker.postMessage(batch)
        inFlight.push(batch)
      }
      if (inFlight.length === 0) {
        // Done: the thread winds down while the main thread goes on.
        void worker.terminate()
        resolve()
      }
    }
    worker.on('message', (reply: WorkerReply) => {
      const batch = inFlight.shift()!
      try {
        reply.forEach(({ index, result, size, mtimeMs, contentHash }, i) => {
          const { task } = batch[i]
          task.size ??= size
          task.mtimeMs ??= mtimeMs
          task.contentHash = contentHash
          onResult(index, result)
        })
      } catch (error) {
        queue.length = 0
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
  const options = {
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
  }
  if (bundleDir) return new Worker(join(bundleDir, 'worker.mjs'), options)
  const url = new URL('./worker.ts', import.meta.url).href
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}) })`
  return new Worker(code, { ...options, eval: true })
}
