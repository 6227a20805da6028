const CHUNK = 8 * 1024 * 1024

/**
 * Holds every list item's UTF-8 bytes in a few large buffers, so 100,000
 * summaries cost their bytes and two numbers each, not 100,000 strings.
 */
export class ItemStore {
  private readonly chunks: Buffer[] = []
  private readonly where: number[] = []
  private used = CHUNK

  /** Stores a copy of `bytes` and returns its index. */
  add(bytes: Uint8Array): number {
    if (this.used + bytes.length > CHUNK) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, bytes.length)))
      this.used = 0
    }
    const chunk = this.chunks.length - 1
    this.chunks[chunk].set(bytes, this.used)
    this.where.push(chunk, this.used, bytes.length)
    this.used += bytes.length
    return this.where.length / 3 - 1
  }

  /** The bytes stored at `index` (a view, not a copy). */
  get(index: number): Buffer {
    const at = index * 3
    const start = this.where[at + 1]
    return this.chunks[this.where[at]].subarray(
      start,
      start + this.where[at + 2],
    )
  }
}
