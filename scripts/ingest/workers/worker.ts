import { parentPort, workerData } from 'node:worker_threads'
import type { InputTask } from '../read/input-types.ts'
import { runTask, type TaskContext, type TaskResult } from './run-task.ts'

/** Sent to a worker: input files with their index in the run. */
export type WorkerBatch = Array<{ index: number; task: InputTask }>
/** Sent back by index: each file's outcomes, and its size, time and content hash as read. */
export type WorkerReply = Array<{
  index: number
  result: TaskResult
  size?: number
  mtimeMs?: number
  contentHash?: string
}>

type WorkerData = Omit<TaskContext, 'mergedBefore'> & {
  mergedBefore: string[]
}

const data = workerData as WorkerData
const context: TaskContext = {
  ...data,
  mergedBefore: new Set(data.mergedBefore),
}

parentPort?.on('message', (batch: WorkerBatch) => {
  const reply: WorkerReply = batch.map(({ index, task }) => {
    const result = runTask(task, context)
    const { size, mtimeMs, contentHash } = task
    return { index, result, size, mtimeMs, contentHash }
  })
  parentPort?.postMessage(reply)
})
