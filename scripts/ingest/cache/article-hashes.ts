import { float64Column, uint32Column } from '../shared/columns.ts'
import { pathHash } from './input-results-cache.ts'

/**
 * The last run's hash of each article file, by id, as the warm run reads
 * it from the output-hash cache: ids and hashes as bytes in one buffer and
 * an open-addressing table of entry numbers (docs/decisions/026). About
 * 45 bytes an article (a `Map` of two strings took ~125 bytes of heap and
 * ~195 bytes of RSS at 1,000,000 articles).
 */
export class ArticleHashes {
  private bytes = Buffer.allocUnsafe(1 << 16)
  private used = 0
  private readonly starts = float64Column()
  private readonly idLengths = uint32Column()
  /** Entry + 1 per slot, 0 when empty; the size is a power of two. */
  private slots = new Uint32Array(1 << 10)

  get size(): number {
    return this.starts.length
  }

  /** Remembers `hash` for `id` (the first one wins if an id repeats). */
  set(id: string, hash: string): void {
    if (this.get(id) !== undefined) return
    const idLength = Buffer.byteLength(id)
    this.reserve(idLength + Buffer.byteLength(hash))
    const start = this.used
    this.used += this.bytes.write(id, start)
    this.used += this.bytes.write(hash, this.used)
    const entry = this.starts.push(start)
    this.idLengths.push(idLength)
    if ((entry + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2)
    else this.place(entry, id)
  }

  get(id: string): string | undefined {
    const mask = this.slots.length - 1
    for (let slot = pathHash(id) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]
      if (held === 0) return undefined
      const entry = held - 1
      const start = this.starts.get(entry)
      const idEnd = start + this.idLengths.get(entry)
      if (this.bytes.toString('utf8', start, idEnd) === id)
        return this.bytes.toString('utf8', idEnd, this.end(entry))
    }
  }

  private end(entry: number): number {
    return entry + 1 < this.starts.length
      ? this.starts.get(entry + 1)
      : this.used
  }

  private place(entry: number, id: string): void {
    const mask = this.slots.length - 1
    let slot = pathHash(id) & mask
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask
    this.slots[slot] = entry + 1
  }

  private rehash(size: number): void {
    this.slots = new Uint32Array(size)
    for (let entry = 0; entry < this.starts.length; entry++) {
      const start = this.starts.get(entry)
      const id = this.bytes.toString(
        'utf8',
        start,
        start + this.idLengths.get(entry),
      )
      this.place(entry, id)
    }
  }

  private reserve(more: number): void {
    if (this.used + more <= this.bytes.length) return
    let size = this.bytes.length * 2
    while (size < this.used + more) size *= 2
    const next = Buffer.allocUnsafe(size)
    this.bytes.copy(next, 0, 0, this.used)
    this.bytes = next
  }
}
