import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'

const FLUSH_BYTES = 256 * 1024

/**
 * Postings on their way from the articles (in docnum order) to the shards
 * (by term): each goes to one of `count` bucket files by its term's
 * shard, so a bucket can later be read and inverted alone, in bounded
 * memory. A record is the term's UTF-8 bytes (length first) and the
 * docnum, body count and title count as varints.
 */
export class BucketSpill {
  readonly count: number
  private readonly dir: string
  private readonly fds: number[] = []
  private readonly buffers: Uint8Array[] = []
  private readonly lengths: number[] = []

  constructor(dir: string, count: number) {
    this.dir = dir
    this.count = count
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    for (let b = 0; b < count; b++) {
      this.fds.push(openSync(this.pathOf(b), 'w'))
      this.buffers.push(new Uint8Array(FLUSH_BYTES + 1024))
      this.lengths.push(0)
    }
  }

  /** The file of one bucket. */
  pathOf(bucket: number): string {
    return join(this.dir, `${bucket}.bin`)
  }

  /** Adds the posting of the term `source[start..end)`. */
  add(
    bucket: number,
    source: Uint8Array,
    start: number,
    end: number,
    docnum: number,
    body: number,
    title: number,
  ): void {
    const length = end - start
    let buffer = this.buffers[bucket]
    let at = this.lengths[bucket]
    if (at + length + 24 > buffer.length) {
      this.flush(bucket)
      at = 0
      if (length + 24 > buffer.length) {
        buffer = this.buffers[bucket] = new Uint8Array(length + 24)
      }
    }
    if (length < 0x80) buffer[at++] = length
    else {
      buffer[at++] = (length & 0x7f) | 0x80
      buffer[at++] = length >> 7
    }
    for (let i = start; i < end; i++) buffer[at++] = source[i]
    at = putVarint(buffer, at, docnum)
    at = putVarint(buffer, at, body)
    at = putVarint(buffer, at, title)
    this.lengths[bucket] = at
    if (at >= FLUSH_BYTES) this.flush(bucket)
  }

  private flush(bucket: number): void {
    const length = this.lengths[bucket]
    if (length > 0) writeSync(this.fds[bucket], this.buffers[bucket], 0, length)
    this.lengths[bucket] = 0
  }

  /** Writes what is buffered and closes the files. */
  finish(): void {
    for (let b = 0; b < this.count; b++) {
      this.flush(b)
      closeSync(this.fds[b])
    }
    this.fds.length = 0
  }

  /** One bucket's records, as written. */
  read(bucket: number): Buffer {
    return readFileSync(this.pathOf(bucket))
  }

  /** Closes what is open and deletes the bucket files. */
  remove(): void {
    for (const fd of this.fds) closeSync(fd)
    this.fds.length = 0
    rmSync(this.dir, { recursive: true, force: true })
  }
}

function putVarint(buffer: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    buffer[at++] = (value & 0x7f) | 0x80
    value >>>= 7
  }
  buffer[at++] = value
  return at
}
