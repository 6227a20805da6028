import type { IntCounts } from '../../../../src/lib/search/tokenize.ts'

/**
 * Counts under small integer keys in an open-addressing table that is
 * reused for every article (`reset` is O(1): slots carry the generation
 * that wrote them). Several times faster than a Map for the few hundred
 * CJK characters and bigrams of one article.
 */
export class IntCounter implements IntCounts {
  private keys = new Int32Array(1024)
  private values = new Int32Array(1024)
  private stamps = new Uint32Array(1024)
  private generation = 1
  private readonly used: number[] = []

  reset(): void {
    this.used.length = 0
    this.generation++
  }

  get size(): number {
    return this.used.length
  }

  add(key: number, weight: number): void {
    let mask = this.keys.length - 1
    if (this.used.length * 2 >= this.keys.length) {
      this.grow()
      mask = this.keys.length - 1
    }
    let slot = Math.imul(key, 0x9e3779b1) >>> 0
    slot = (slot ^ (slot >>> 15)) & mask
    for (;;) {
      if (this.stamps[slot] !== this.generation) {
        this.stamps[slot] = this.generation
        this.keys[slot] = key
        this.values[slot] = weight
        this.used.push(slot)
        return
      }
      if (this.keys[slot] === key) {
        this.values[slot] += weight
        return
      }
      slot = (slot + 1) & mask
    }
  }

  /** The count of `key` (0 when absent). */
  get(key: number): number {
    const slot = this.find(key)
    return slot < 0 ? 0 : this.values[slot]
  }

  has(key: number): boolean {
    return this.find(key) >= 0
  }

  private find(key: number): number {
    const mask = this.keys.length - 1
    let slot = Math.imul(key, 0x9e3779b1) >>> 0
    slot = (slot ^ (slot >>> 15)) & mask
    while (this.stamps[slot] === this.generation) {
      if (this.keys[slot] === key) return slot
      slot = (slot + 1) & mask
    }
    return -1
  }

  /** Calls `visit` with each key and its count, in the order first added. */
  forEach(visit: (key: number, count: number) => void): void {
    for (const slot of this.used) visit(this.keys[slot], this.values[slot])
  }

  private grow(): void {
    const { keys, values, used } = this
    const size = keys.length * 2
    this.keys = new Int32Array(size)
    this.values = new Int32Array(size)
    this.stamps = new Uint32Array(size)
    const entries = used.map((slot) => [keys[slot], values[slot]])
    this.reset()
    for (const [key, value] of entries) this.add(key, value)
  }
}
