import { PostError } from './errors.ts'

export type Decoded = { text: string }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Bytes to text, strictly. UTF-8 (with or without BOM) and UTF-16 with a
 * BOM are read; a declared charset (`<?xml encoding="gbk"?>`, `<meta
 * charset>`) is honoured. Binary data (NUL bytes) and invalid UTF-8 throw
 * PostError with the byte offset; nothing is guessed.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) }
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) }
  }
  if (looksBinary(bytes)) throw new PostError('binary file, not text')
  const declared = declaredCharset(bytes)
  if (declared && !/^utf-?8$/i.test(declared)) return decodeAs(bytes, declared)
  try {
    return { text: utf8.decode(bytes) }
  } catch {
    throw invalidUtf8(bytes)
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192)
  return head.includes(0)
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  const m =
    /<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head) ??
    /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head)
  return m?.[1]
}

function decodeAs(bytes: Uint8Array, charset: string): Decoded {
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(charset, { fatal: true })
  } catch {
    throw new PostError(`unknown charset "${charset}"`)
  }
  try {
    return { text: decoder.decode(bytes) }
  } catch {
    throw new PostError(`bytes are not valid ${charset} as declared`)
  }
}

function invalidUtf8(bytes: Uint8Array): PostError {
  const offset = firstInvalidUtf8(bytes)
  return new PostError(
    `invalid UTF-8 at byte ${offset} (save the file as UTF-8 or declare its charset)`,
  )
}

/** Byte offset of the first invalid UTF-8 sequence (binary search). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0
  let hi = bytes.length
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (isValidPrefix(bytes.subarray(0, mid))) lo = mid
    else hi = mid
  }
  return lo
}

function isValidPrefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}
