import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'

/** Characters of an article hash (contentHash in shared/hash.ts). */
const HASH_LENGTH = 20
const BUFFER_BYTES = 1 << 20

type Place = { fd: number; offset: number; length: number }

/**
 * Every article's search record (convert/search/search-record.ts) by the
 * article's content hash: those the last run saved (`<path>`, read in
 * place) and those made this run (`<path>.new`, appended as they come).
 * `save` then writes the next run's file with exactly the records it is
 * given. A record is `<hash>` (20 characters), a varint length and the
 * bytes; the file starts with its key on one line, and is ignored when
 * the key (code version and options) differs.
 */
export class SearchRecordCache {
  private readonly path: string
  private readonly key: string
  private readonly places = new Map<string, Place>()
  private old = -1
  private readonly fresh: number
  private freshSize = 0
  private pending = Buffer.allocUnsafe(BUFFER_BYTES)
  private pendingLength = 0

  constructor(path: string, key: string) {
    this.path = path
    this.key = key
    mkdirSync(dirname(path), { recursive: true })
    if (existsSync(path)) this.loadOld()
    // This run's file starts as a cache file of its own: with no last
    // file to merge (a first run), it simply becomes the next one.
    this.fresh = openSync(`${path}.new`, 'w+')
    const head = Buffer.from(`${JSON.stringify(key)}\n`)
    writeSync(this.fresh, head)
    this.freshSize = head.length
  }

  /** Indexes the last run's file, reading only the record heads. */
  private loadOld(): void {
    const fd = openSync(this.path, 'r')
    const size = fstatSync(fd).size
    const head = Buffer.allocUnsafe(
      Math.max(HASH_LENGTH + 10, this.key.length * 3 + 4),
    )
    const keyLine = `${JSON.stringify(this.key)}\n`
    const keyBytes = Buffer.from(keyLine)
    readSync(fd, head, 0, keyBytes.length, 0)
    if (!head.subarray(0, keyBytes.length).equals(keyBytes)) {
      closeSync(fd)
      return
    }
    let at = keyBytes.length
    while (at < size) {
      const n = readSync(fd, head, 0, HASH_LENGTH + 10, at)
      if (n < HASH_LENGTH + 1) break
      const hash = head.toString('latin1', 0, HASH_LENGTH)
      let p = HASH_LENGTH
      let length = 0
      let scale = 1
      for (;;) {
        const byte = head[p++]
        length += (byte & 0x7f) * scale
        if (byte < 0x80 || p >= n) break
        scale *= 0x80
      }
      const offset = at + p
      if (offset + length > size) break // cut short: ignore the rest
      this.places.set(hash, { fd, offset, length })
      at = offset + length
    }
    this.old = fd
  }

  has(hash: string): boolean {
    return this.places.has(hash)
  }

  /** The length of the record kept under `hash` (0 when there is none). */
  size(hash: string): number {
    return this.places.get(hash)?.length ?? 0
  }

  /** Keeps `record` under `hash`, unless a record is already kept there. */
  put(hash: string, record: Uint8Array): void {
    if (this.places.has(hash)) return
    const head = recordHead(hash, record.length)
    if (
      this.pendingLength + head.length + record.length >
      this.pending.length
    ) {
      this.flush()
    }
    const offset = this.freshSize + head.length
    this.freshSize += head.length + record.length
    if (head.length + record.length > this.pending.length) {
      writeSync(this.fresh, head)
      writeSync(this.fresh, record)
    } else {
      this.pending.set(head, this.pendingLength)
      this.pending.set(record, this.pendingLength + head.length)
      this.pendingLength += head.length + record.length
    }
    this.places.set(hash, { fd: this.fresh, offset, length: record.length })
  }

  private flush(): void {
    if (this.pendingLength === 0) return
    writeSync(this.fresh, this.pending, 0, this.pendingLength)
    this.pendingLength = 0
  }

  /** The record kept under `hash`. */
  get(hash: string): Uint8Array | undefined {
    const place = this.places.get(hash)
    if (!place) return undefined
    this.flush()
    const bytes = new Uint8Array(place.length)
    readSync(place.fd, bytes, 0, place.length, place.offset)
    return bytes
  }

  /**
   * Writes the next run's file: the records of `hashes`, in that order
   * (each must be kept here), then drops everything else.
   */
  save(hashes: Iterable<string>): void {
    this.flush()
    if (this.old < 0) {
      // Every record is this run's: its file is the next run's as it is
      // (with at most the records of merged duplicates besides).
      closeSync(this.fresh)
      renameSync(`${this.path}.new`, this.path)
      return
    }
    const tmp = `${this.path}.tmp`
    const fd = openSync(tmp, 'w')
    try {
      let buffer = Buffer.from(`${JSON.stringify(this.key)}\n`)
      let parts: Uint8Array[] = [buffer]
      let size = buffer.length
      for (const hash of hashes) {
        const record = this.get(hash)
        if (!record) continue
        parts.push(recordHead(hash, record.length), record)
        size += record.length + HASH_LENGTH + 4
        if (size < BUFFER_BYTES) continue
        buffer = Buffer.concat(parts)
        writeSync(fd, buffer)
        parts = []
        size = 0
      }
      writeSync(fd, Buffer.concat(parts))
    } finally {
      closeSync(fd)
    }
    this.close()
    renameSync(tmp, this.path)
  }

  /** Closes the files and deletes this run's spill (the saved file stays). */
  close(): void {
    if (this.old >= 0) closeSync(this.old)
    this.old = -1
    try {
      closeSync(this.fresh)
    } catch {
      // closed already
    }
    rmSync(`${this.path}.new`, { force: true })
  }
}

function recordHead(hash: string, length: number): Buffer {
  const bytes = [
    ...Buffer.from(hash.padEnd(HASH_LENGTH).slice(0, HASH_LENGTH), 'latin1'),
  ]
  while (length >= 0x80) {
    bytes.push((length & 0x7f) | 0x80)
    length >>>= 7
  }
  bytes.push(length)
  return Buffer.from(bytes)
}
