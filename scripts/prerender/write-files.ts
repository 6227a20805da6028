import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Writes `[file, text]` pairs, creating folders as needed, and returns
 * the bytes written. Synchronous on purpose: for thousands of small
 * files, plain `writeFileSync` measured 2–3× faster than promise-based
 * writes through libuv's thread pool (decision 011).
 */
export function writeFiles(files: Iterable<readonly [string, string]>): number {
  let bytes = 0
  for (const [file, text] of files) {
    mkdirSync(path.dirname(file), { recursive: true })
    const data = Buffer.from(text)
    bytes += data.length
    writeFileSync(file, data)
  }
  return bytes
}
