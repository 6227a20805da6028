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

/** `shortHash` of many byte strings in order, hashed in chunks of 256. */
export function shortHashOf(parts: readonly Uint8Array[], length = 12): string {
  const hash = createHash('sha256')
  for (let i = 0; i < parts.length; i += 256) {
    const chunk = parts.slice(i, i + 256)
    hash.update(Buffer.concat(chunk.flatMap((part) => [part, SEPARATOR])))
  }
  return toBase32(hash.digest()).slice(0, length)
}

const SEPARATOR = new Uint8Array([0])
