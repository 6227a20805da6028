import { startWorker } from '../../workers/worker-pool.ts'
import type { BucketSpill } from './bucket-spill.ts'
import {
  invertBucket,
  type InvertContext,
  type InvertedBucket,
} from './invert-bucket.ts'
import type { InvertJob, InvertReply } from './invert-worker.ts'

/**
 * Inverts every bucket of `spill` and hands each result to `apply` (on
 * this thread, in the order they finish). Buckets are independent, so
 * with `workers` ≥ 2 and more than one bucket they are inverted on that
 * many worker threads (invert-worker.ts), each reading its bucket's file
 * itself, while this thread writes what the others return; otherwise
 * one after another here.
 */
export async function invertBuckets(
  spill: BucketSpill,
  context: InvertContext,
  workers: number,
  apply: (bucket: InvertedBucket) => void,
): Promise<void> {
  const threads = Math.min(workers, spill.count)
  if (threads < 2) {
    for (let bucket = 0; bucket < spill.count; bucket++)
      apply(invertBucket(spill.read(bucket), context))
    return
  }
  let next = 0
  const take = (): InvertJob | undefined =>
    next < spill.count
      ? { bucket: next, path: spill.pathOf(next++) }
      : undefined
  const applyOrStop = (bucket: InvertedBucket) => {
    try {
      apply(bucket)
    } catch (error) {
      next = spill.count // no more buckets for anyone
      throw error
    }
  }
  await Promise.all(
    Array.from({ length: threads }, () =>
      runWorker(take, context, applyOrStop),
    ),
  )
}

function runWorker(
  take: () => InvertJob | undefined,
  context: InvertContext,
  apply: (bucket: InvertedBucket) => void,
): Promise<void> {
  const worker = startWorker(
    'invert-worker',
    new URL('./invert-worker.ts', import.meta.url),
    {
      execArgv: [],
      workerData: context,
      // One bucket at a time: its arrays are garbage once it is sent back.
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    },
  )
  return new Promise((resolve, reject) => {
    let done = false
    const send = () => {
      const job = take()
      if (job) return worker.postMessage(job)
      done = true
      void worker.terminate().then(() => resolve())
    }
    worker.on('message', (reply: InvertReply) => {
      try {
        apply(reply.result)
      } catch (error) {
        done = true
        void worker.terminate()
        reject(error)
        return
      }
      send()
    })
    worker.on('error', reject)
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`a search index worker stopped (${code})`))
    })
    send()
  })
}
