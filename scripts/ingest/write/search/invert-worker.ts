import { readFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { invertBucket, type InvertContext } from './invert-bucket.ts'

/** Sent to an invert worker: a bucket's number and its spill file. */
export type InvertJob = { bucket: number; path: string }
/** Sent back: the bucket inverted (its buffers transferred, not copied). */
export type InvertReply = {
  bucket: number
  result: ReturnType<typeof invertBucket>
}

const context = workerData as InvertContext

parentPort?.on('message', ({ bucket, path }: InvertJob) => {
  const result = invertBucket(readFileSync(path), context)
  const transfer = [
    ...result.shards.map((shard) => shard.bytes.buffer),
    ...result.tiers.map((tier) => tier.bytes.buffer),
    result.dfs.buffer,
  ]
  const reply: InvertReply = { bucket, result }
  parentPort?.postMessage(reply, transfer as ArrayBuffer[])
})
