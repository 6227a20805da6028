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
import { float64Column, uint32Column } from '../shared/columns.ts'
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
 * Loading indexes the file in chunks: a 31-bit hash of each line's path
 * and where the line is (about 30 bytes an input; never the file, nor its
 * names, in memory). A line is read and parsed only when its input is
 * looked up.
 */
export class InputResultsCache {
  private readonly fd: number
  /** Path hash → entry, or -1 - overflow list when several paths share it. */
  private readonly index = new Map<number, number>()
  private readonly overflow: number[][] = []
  private readonly offsets = float64Column()
  private readonly lengths = uint32Column()

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
    const tab = bytes.indexOf(9, start)
    if (tab < 0 || tab >= end) return
    const entry = this.offsets.push(base + start)
    this.lengths.push(end - start)
    const key = pathHash(JSON.parse(bytes.toString('utf8', start, tab)))
    const found = this.index.get(key)
    if (found === undefined) this.index.set(key, entry)
    else if (found >= 0) {
      this.index.set(key, -1 - this.overflow.length)
      this.overflow.push([found, entry])
    } else this.overflow[-1 - found].push(entry)
  }

  /**
   * Last run's result for `task`, or undefined when the file changed. A
   * file with a new time is read and compared by content hash; the task
   * then carries the hash, so the next cache records it.
   */
  get(task: InputTask): TaskResult | undefined {
    const found = this.index.get(pathHash(task.path))
    if (found === undefined) return undefined
    for (const entry of found >= 0 ? [found] : this.overflow[-1 - found]) {
      const line = this.readLine(entry)
      if (line.path !== task.path) continue
      if (line.relPath !== task.relPath || line.file !== task.file)
        return undefined
      if (line.size !== task.size) return undefined
      if (line.mtimeMs !== task.mtimeMs && !holdsHash(task.path, line))
        return undefined
      task.contentHash = line.contentHash
      return decode(line.result)
    }
    return undefined
  }

  close(): void {
    closeSync(this.fd)
  }

  private readLine(entry: number): CacheLine {
    const bytes = Buffer.allocUnsafe(this.lengths.get(entry))
    readSync(this.fd, bytes, 0, bytes.length, this.offsets.get(entry))
    const tabs = [-1]
    for (let i = 0; i < FIELDS; i++) tabs.push(bytes.indexOf(9, tabs[i] + 1))
    const field = (i: number) =>
      bytes.toString('utf8', tabs[i] + 1, tabs[i + 1])
    return {
      path: JSON.parse(field(0)) as string,
      file: JSON.parse(field(1)) as string,
      relPath: JSON.parse(field(2)) as string,
      size: Number(field(3)),
      mtimeMs: Number(field(4)),
      contentHash: JSON.parse(field(5)) as string,
      result: bytes.toString('utf8', tabs[FIELDS] + 1),
    }
  }
}

/** Fields before the result on each line. */
const FIELDS = 6

type CacheLine = {
  path: string
  file: string
  relPath: string
  size: number
  mtimeMs: number
  contentHash: string
  result: string
}

/** FNV-1a over the path's UTF-16 code units, 31 bits (a small integer in V8). */
export function pathHash(path: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 1
}

function holdsHash(path: string, line: CacheLine): boolean {
  try {
    return (
      line.contentHash !== '' &&
      contentHash(readFileSync(path)) === line.contentHash
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
