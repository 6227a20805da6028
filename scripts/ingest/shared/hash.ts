import { createHash, hash } from 'node:crypto'

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'

/** Lower-case RFC 4648 base32 of a buffer, without padding. */
export function toBase32(bytes: Uint8Array): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
  return out
}

/**
 * A short, stable, URL- and file-name-safe digest of `input`:
 * the first `length` base32 characters of its SHA-256 (5 bits each).
 */
export function shortHash(input: string, length = 12): string {
  return toBase32(hash('sha256', input, 'buffer')).slice(0, length)
}

/** A 20-character digest of file contents, to compare them between runs. */
export function contentHash(input: string | Uint8Array): string {
  return hash('sha1', input, 'base64url').slice(0, 20)
}

/** contentHash of contents given piece by piece. */
export function contentHasher() {
  const digest = createHash('sha1')
  return {
    update: (part: string | Uint8Array) => void digest.update(part),
    digest: () => digest.digest('base64url').slice(0, 20),
  }
}

/** Parts read one by one: `count` of them, part `index` from `part`. */
export type Parts = { count: number; part: (index: number) => Uint8Array }

const ZERO = new Uint8Array(1)

/**
 * `shortHash` of many byte strings in order, each followed by a zero byte,
 * read one by one so they never sit in memory together. (Batching them
 * through a buffer saved ~10 ms per 10,000 posts: not worth its code;
 * BENCHMARKS.md, fast paths.)
 */
export function shortHashOf(parts: Parts, length = 12): string {
  const hasher = shortHasher(length)
  for (let i = 0; i < parts.count; i++) hasher.update(parts.part(i))
  return hasher.digest()
}

/** shortHashOf fed part by part (so many can be fed at once, as parts stream by). */
export function shortHasher(length = 12) {
  const digest = createHash('sha256')
  return {
    update: (part: string | Uint8Array) =>
      void digest.update(part).update(ZERO),
    digest: () => toBase32(digest.digest()).slice(0, length),
  }
}
