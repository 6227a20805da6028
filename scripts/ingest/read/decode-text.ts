import { isUtf8 } from 'node:buffer'
import { PostError } from '../shared/errors.ts'

export type Decoded = { text: string }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Bytes to text, strictly. UTF-8 (with or without BOM) and UTF-16 with a
 * BOM are read; a charset from an HTTP header (`hint.charset`) comes next
 * (RFC 7303: BOM, then header, then the document's own), unless the bytes
 * do not fit it; a declared charset (`<?xml encoding="gbk"?>`, `<meta
 * charset>`) is honoured; a `<meta>` one that is unknown or does not fit
 * bytes that are valid UTF-8 is ignored (read as UTF-8). Binary data
 * (NUL bytes) and invalid UTF-8 throw PostError with the byte offset.
 */
export function decodeText(
  bytes: Uint8Array,
  hint: { charset?: string } = {},
): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) }
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) }
  }
  if (looksBinary(bytes)) throw new PostError('binary file, not text')
  const header = hint.charset?.trim().replace(/^["']|["']$/g, '')
  if (header && !/^utf-?8$/i.test(header)) {
    try {
      return decodeAs(bytes, header)
    } catch {
      // A wrong header: the document's own declaration decides.
    }
  }
  const declared = header && isUtf8(bytes) ? undefined : declaredCharset(bytes)
  if (declared && !/^utf-?8$/i.test(declared.charset)) {
    try {
      return decodeAs(bytes, declared.charset)
    } catch (error) {
      // An XML declaration is binding; a <meta> in a post body is a hint,
      // and a wrong or unknown one over valid UTF-8 must not lose the post.
      if (declared.source === 'xml' || !isUtf8(bytes)) throw error
    }
  }
  if (!isUtf8(bytes)) throw invalidUtf8(bytes)
  return {
    text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(
      'utf8',
    ),
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192)
  return head.includes(0)
}

const LATIN1 = new TextDecoder('latin1')

function declaredCharset(
  bytes: Uint8Array,
): { charset: string; source: 'xml' | 'meta' } | undefined {
  const head = LATIN1.decode(bytes.subarray(0, 1024))
  const xml = /<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)
  if (xml) return { charset: xml[1], source: 'xml' }
  const meta = /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head)
  return meta ? { charset: meta[1], source: 'meta' } : undefined
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

// Windows-1252 bytes 0x80–0x9F and the characters they decode to.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
const CP1252_BYTE = new Map([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]))

const MOJIBAKE =
  /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/

/**
 * Repairs text that was UTF-8, decoded as Latin-1/Windows-1252 and encoded
 * as UTF-8 again (`ä¸­æ–‡` → `中文`, `â€™` → `’`). Only when every
 * character maps back to one byte and those bytes are valid UTF-8;
 * anything else is returned unchanged.
 */
export function fixDoubleEncoding(text: string): string {
  if (!MOJIBAKE.test(text)) return text
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const byte = code < 0x100 ? code : CP1252_BYTE.get(text[i])
    if (byte === undefined) return text
    bytes[i] = byte
  }
  try {
    return utf8.decode(bytes)
  } catch {
    return text
  }
}

/**
 * Normalises what editors and copy paths leave at the start of a file:
 * a UTF-8 BOM (also one decoded twice, `ï»¿`), CRLF and CR line ends.
 */
export function normalizeText(text: string): string {
  let out = text
  while (out.startsWith('\uFEFF') || out.startsWith('\u00EF\u00BB\u00BF')) {
    out = out.startsWith('\uFEFF') ? out.slice(1) : out.slice(3)
  }
  return out.replace(/\r\n?/g, '\n')
}
