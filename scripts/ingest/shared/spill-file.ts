import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { float64Column, uint32Column } from './columns.ts'

/** Bytes gathered before they are written out. */
const WRITE_BUFFER = 1 << 20
/** A run of records read with one call when it spans at most this much. */
const MAX_BLOCK = 1 << 20

/**
 * Records (byte strings) appended to a temporary file and read back by
 * index: what the main thread would otherwise hold for every article until
 * the lists are written (list items, report entries). Memory per record is
 * its offset and length (12 bytes); the bytes live in the file, which the
 * page cache keeps close. The file is removed by `remove`.
 */
export class SpillFile {
  private readonly fd: number
  private readonly path: string
  private readonly offsets = float64Column()
  private readonly lengths = uint32Column()
  private buffer = Buffer.allocUnsafe(WRITE_BUFFER)
  private buffered = 0
  /** Bytes written to the file (the buffer starts there). */
  private flushed = 0

  constructor(path: string) {
    this.path = path
    this.fd = openSync(path, 'w+')
  }

  get count(): number {
    return this.offsets.length
  }

  /** Appends a copy of `bytes`; returns its index. */
  append(bytes: Uint8Array): number {
    if (this.buffered + bytes.length > this.buffer.length) this.flush()
    if (bytes.length > this.buffer.length) {
      this.buffer = Buffer.allocUnsafe(bytes.length)
    }
    this.buffer.set(bytes, this.buffered)
    const offset = this.flushed + this.buffered
    this.buffered += bytes.length
    this.lengths.push(bytes.length)
    return this.offsets.push(offset)
  }

  /** Record `index`, in a buffer of its own. */
  read(index: number): Buffer {
    return this.readRun([index], 0, 1)[0]
  }

  /** Records `from` … `to - 1`, appended one after another: one read. */
  readRange(from: number, to: number): Buffer[] {
    if (this.buffered > 0) this.flush()
    if (to <= from) return []
    const first = this.offsets.get(from)
    const end = this.offsets.get(to - 1) + this.lengths.get(to - 1)
    const block = this.readAt(first, end - first)
    const out: Buffer[] = []
    for (let i = from; i < to; i++) {
      const at = this.offsets.get(i) - first
      out.push(block.subarray(at, at + this.lengths.get(i)))
    }
    return out
  }

  /**
   * Records `indices[from]` … `indices[to - 1]`, each in its own buffer
   * (views of one block when they lie close together: one read for a page
   * of a list whose records were appended in its order).
   */
  readRun(indices: ArrayLike<number>, from: number, to: number): Buffer[] {
    if (this.buffered > 0) this.flush()
    const first = this.offsets.get(indices[from])
    const lastIndex = indices[to - 1]
    const end = this.offsets.get(lastIndex) + this.lengths.get(lastIndex)
    if (to - from > 1 && end >= first && end - first <= MAX_BLOCK) {
      let ascending = true
      for (let i = from + 1; i < to && ascending; i++)
        ascending =
          this.offsets.get(indices[i]) > this.offsets.get(indices[i - 1])
      if (ascending) {
        const block = this.readAt(first, end - first)
        const out: Buffer[] = []
        for (let i = from; i < to; i++) {
          const at = this.offsets.get(indices[i]) - first
          out.push(block.subarray(at, at + this.lengths.get(indices[i])))
        }
        return out
      }
    }
    const out: Buffer[] = []
    for (let i = from; i < to; i++) {
      out.push(
        this.readAt(this.offsets.get(indices[i]), this.lengths.get(indices[i])),
      )
    }
    return out
  }

  /** Closes and deletes the file. */
  remove(): void {
    closeSync(this.fd)
    rmSync(this.path, { force: true })
  }

  private readAt(position: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length)
    let done = 0
    while (done < length) {
      const n = readSync(this.fd, bytes, done, length - done, position + done)
      if (n === 0) throw new Error(`spill file ended early: ${this.path}`)
      done += n
    }
    return bytes
  }

  private flush(): void {
    let done = 0
    while (done < this.buffered) {
      done += writeSync(this.fd, this.buffer, done, this.buffered - done)
    }
    this.flushed += this.buffered
    this.buffered = 0
  }
}
