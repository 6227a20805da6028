import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import type { InputTask } from './read-input.ts'
import type { TaskResult } from './run-task.ts'

/**
 * What each input file produced last time, so an unchanged file (same
 * path, size and modification time, same options) is not read again. One
 * line per file: `"<path>"\t<relPath JSON>\t<size>\t<mtime>\t<result JSON>`.
 * The file is indexed, not parsed, when loaded: a line is parsed only when
 * its input is unchanged.
 */
export class InputCache {
  private readonly bytes: Buffer
  private readonly index = new Map<
    string,
    [string, number, number, number, number]
  >()

  private constructor(bytes: Buffer) {
    this.bytes = bytes
  }

  /** The cache at `path` if it was written with the same `key`. */
  static load(path: string, key: string): InputCache | undefined {
    if (!existsSync(path)) return undefined
    const bytes = readFileSync(path)
    const headerEnd = bytes.indexOf(10)
    if (
      headerEnd < 0 ||
      bytes.toString('utf8', 0, headerEnd) !== JSON.stringify(key)
    ) {
      return undefined
    }
    const cache = new InputCache(bytes)
    cache.buildIndex(headerEnd + 1)
    return cache
  }

  private buildIndex(from: number): void {
    let start = from
    while (start < this.bytes.length) {
      let end = this.bytes.indexOf(10, start)
      if (end < 0) end = this.bytes.length
      const fields: number[] = [start - 1]
      for (let i = 0; i < 4; i++)
        fields.push(this.bytes.indexOf(9, fields[i] + 1))
      const text = (a: number, b: number) =>
        this.bytes.toString('utf8', a + 1, b)
      if (fields.every((f) => f >= 0 && f < end)) {
        const path = JSON.parse(text(fields[0], fields[1])) as string
        const relPath = JSON.parse(text(fields[1], fields[2])) as string
        const size = Number(text(fields[2], fields[3]))
        const mtime = Number(text(fields[3], fields[4]))
        this.index.set(path, [relPath, size, mtime, fields[4] + 1, end])
      }
      start = end + 1
    }
  }

  /** Last run's result for `task`, or undefined when the file changed. */
  get(task: InputTask): TaskResult | undefined {
    const entry = this.index.get(task.path)
    if (!entry) return undefined
    const [relPath, size, mtime, start, end] = entry
    if (
      relPath !== task.relPath ||
      size !== task.size ||
      mtime !== task.mtimeMs
    ) {
      return undefined
    }
    return decode(this.bytes.toString('utf8', start, end))
  }
}

type Stored = Array<Record<string, unknown>>

function decode(line: string): TaskResult {
  return (JSON.parse(line) as Stored).map((o) =>
    o.ok
      ? { ...o, itemBytes: Buffer.from(o.itemBytes as string), written: false }
      : o,
  ) as TaskResult
}

/** Writes the next run's input cache as results arrive, then swaps it in. */
export class InputCacheWriter {
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
    if (task.size === undefined || task.mtimeMs === undefined) return
    const stored = result.map((o) =>
      o.ok ? { ...o, itemBytes: Buffer.from(o.itemBytes).toString('utf8') } : o,
    )
    const head = [
      JSON.stringify(task.path),
      JSON.stringify(task.relPath),
      task.size,
      task.mtimeMs,
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
    if (this.size > 1 << 20) this.flush()
  }

  private flush(): void {
    writeSync(this.fd, this.pending.join(''))
    this.pending = []
    this.size = 0
  }
}
