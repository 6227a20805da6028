import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { contentHash } from '../shared/hash.ts'
import type { InputTask } from '../read/input-types.ts'
import type { TaskResult } from '../workers/run-task.ts'

/**
 * What each input file produced last time, so an unchanged file (same
 * path, report name and relative path, size and modification time, same
 * options and code) is not read again, and one whose time changed but
 * whose bytes did not (a copy, a checkout, an aggregator rewriting every
 * file) is read but not converted. One line per file:
 * `"<path>"\t"<file>"\t"<relPath>"\t<size>\t<mtime>\t"<content hash>"\t<result JSON>`.
 * Loading indexes the file in chunks (offsets only, never the whole file in
 * memory); a line is read and parsed only when its input is unchanged.
 */
export class InputResultsCache {
  private readonly fd: number
  private readonly index = new Map<string, IndexEntry>()

  private constructor(fd: number) {
    this.fd = fd
  }

  /** The cache at `path` if it was written with the same `key`. */
  static load(
    path: string,
    key: string,
    chunkSize = 1 << 20,
  ): InputResultsCache | undefined {
    if (!existsSync(path)) return undefined
    const cache = new InputResultsCache(openSync(path, 'r'))
    if (!cache.buildIndex(JSON.stringify(key), chunkSize)) {
      cache.close()
      return undefined
    }
    return cache
  }

  /** Reads the file in chunks and remembers where each line is. */
  private buildIndex(header: string, chunkSize: number): boolean {
    let position = 0
    let carry = Buffer.alloc(0)
    let first = true
    const chunk = Buffer.allocUnsafe(chunkSize)
    for (;;) {
      const n = readSync(this.fd, chunk, 0, chunk.length, position)
      if (n === 0) break
      const bytes = Buffer.concat([carry, chunk.subarray(0, n)])
      const base = position - carry.length
      let start = 0
      for (
        let end = bytes.indexOf(10);
        end >= 0;
        end = bytes.indexOf(10, start)
      ) {
        if (first && bytes.toString('utf8', 0, end) !== header) return false
        if (!first) this.indexLine(bytes, start, end, base)
        first = false
        start = end + 1
      }
      carry = Buffer.from(bytes.subarray(start))
      position += n
    }
    return !first
  }

  private indexLine(
    bytes: Buffer,
    start: number,
    end: number,
    base: number,
  ): void {
    const tabs = [start - 1]
    for (let i = 0; i < FIELDS; i++) tabs.push(bytes.indexOf(9, tabs[i] + 1))
    if (!tabs.slice(1).every((t) => t >= start && t < end)) return
    const field = (i: number) =>
      bytes.toString('utf8', tabs[i] + 1, tabs[i + 1])
    const path = JSON.parse(field(0)) as string
    this.index.set(path, {
      file: JSON.parse(field(1)) as string,
      relPath: JSON.parse(field(2)) as string,
      size: Number(field(3)),
      mtimeMs: Number(field(4)),
      contentHash: JSON.parse(field(5)) as string,
      offset: base + tabs[FIELDS] + 1,
      length: end - tabs[FIELDS] - 1,
    })
  }

  /**
   * Last run's result for `task`, or undefined when the file changed. A
   * file with a new time is read and compared by content hash; the task
   * then carries the hash, so the next cache records it.
   */
  get(task: InputTask): TaskResult | undefined {
    const entry = this.index.get(task.path)
    if (!entry || entry.relPath !== task.relPath || entry.file !== task.file)
      return undefined
    if (entry.size !== task.size) return undefined
    if (entry.mtimeMs !== task.mtimeMs && !holdsHash(task.path, entry))
      return undefined
    task.contentHash = entry.contentHash
    const line = Buffer.allocUnsafe(entry.length)
    readSync(this.fd, line, 0, entry.length, entry.offset)
    return decode(line.toString('utf8'))
  }

  close(): void {
    closeSync(this.fd)
  }
}

/** Fields before the result on each line. */
const FIELDS = 6

type IndexEntry = {
  file: string
  relPath: string
  size: number
  mtimeMs: number
  contentHash: string
  offset: number
  length: number
}

function holdsHash(path: string, entry: IndexEntry): boolean {
  try {
    return (
      entry.contentHash !== '' &&
      contentHash(readFileSync(path)) === entry.contentHash
    )
  } catch {
    return false
  }
}

type Stored = Array<Record<string, unknown>>

function decode(line: string): TaskResult {
  return (JSON.parse(line) as Stored).map((o) =>
    o.ok
      ? {
          ...o,
          itemBytes: Buffer.from(o.itemBytes as string),
          written: false,
          onDisk: false,
        }
      : o,
  ) as TaskResult
}

/** Writes the next run's input results cache as results arrive, then swaps it in. */
export class InputResultsCacheWriter {
  private readonly fd: number
  private pending: string[] = []
  private size = 0
  private readonly path: string

  constructor(path: string, key: string) {
    this.path = path
    mkdirSync(dirname(path), { recursive: true })
    this.fd = openSync(`${path}.tmp`, 'w')
    this.push(`${JSON.stringify(key)}\n`)
  }

  add(task: InputTask, result: TaskResult): void {
    if (
      task.size === undefined ||
      task.mtimeMs === undefined ||
      task.contentHash === undefined
    )
      return
    // Search records have a cache of their own (write/search/search-records.ts).
    const stored = result.map((o) =>
      o.ok
        ? {
            ...o,
            itemBytes: Buffer.from(o.itemBytes).toString('utf8'),
            searchRecord: undefined,
          }
        : o,
    )
    const head = [
      JSON.stringify(task.path),
      JSON.stringify(task.file),
      JSON.stringify(task.relPath),
      task.size,
      task.mtimeMs,
      JSON.stringify(task.contentHash),
    ]
    this.push(`${head.join('\t')}\t${JSON.stringify(stored)}\n`)
  }

  finish(): void {
    this.flush()
    closeSync(this.fd)
    renameSync(`${this.path}.tmp`, this.path)
  }

  private push(line: string): void {
    this.pending.push(line)
    this.size += line.length
    // Small flushes: lines die young instead of piling up in the old generation.
    if (this.size > 64 * 1024) this.flush()
  }

  private flush(): void {
    writeSync(this.fd, this.pending.join(''))
    this.pending = []
    this.size = 0
  }
}
