// The thread behind PageWriter (page-writer.ts): writes each batch of
// [file, text, file, text, …] synchronously and answers with its bytes.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parentPort } from 'node:worker_threads'

parentPort.on('message', (batch) => {
  let bytes = 0
  for (let i = 0; i < batch.length; i += 2) {
    mkdirSync(dirname(batch[i]), { recursive: true })
    const data = Buffer.from(batch[i + 1])
    bytes += data.length
    writeFileSync(batch[i], data)
  }
  parentPort.postMessage(bytes)
})
