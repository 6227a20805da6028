/** A small seeded random source: the same seed always yields the same sequence. */
export type Random = {
  /** A float in [0, 1). */
  next: () => number
  /** An integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  chance: (probability: number) => boolean
}

/** FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit seed. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** mulberry32: fast, tiny and good enough for demo text. */
export function createRandom(seed: number | string): Random {
  let state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed)
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)],
    chance: (probability) => next() < probability,
  }
}

/**
 * Draws from `items` without repeats until all were used, then reshuffles:
 * a post reads less repetitive than with independent picks.
 */
export function createDeck<T>(random: Random, items: readonly T[]): () => T {
  let deck: T[] = []
  return () => {
    if (deck.length === 0) {
      deck = [...items]
      for (let i = deck.length - 1; i > 0; i--) {
        const j = random.int(0, i)
        ;[deck[i], deck[j]] = [deck[j], deck[i]]
      }
    }
    return deck.pop() as T
  }
}
