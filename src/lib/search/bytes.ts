/**
 * The byte codec of the search index files: unsigned LEB128 varints,
 * single bytes and length-prefixed UTF-8 strings. The ingest writes with
 * ByteWriter, the reader reads with ByteReader; pure (no DOM, no Node).
 */

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** A growable byte buffer written front to back. */
export class ByteWriter {
  private buffer: Uint8Array
  length = 0

  constructor(initial = 1024) {
    this.buffer = new Uint8Array(initial)
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return
    let size = this.buffer.length * 2
    while (size < this.length + extra) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buffer.subarray(0, this.length))
    this.buffer = next
  }

  byte(value: number): void {
    this.ensure(1)
    this.buffer[this.length++] = value
  }

  /** An unsigned integer below 2^53 as a LEB128 varint. */
  varint(value: number): void {
    this.ensure(8)
    if (value < 0x80) {
      this.buffer[this.length++] = value
      return
    }
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 0x80) | 0x80
      value = Math.floor(value / 0x80)
    }
    this.buffer[this.length++] = value
  }

  bytes(bytes: Uint8Array): void {
    this.ensure(bytes.length)
    this.buffer.set(bytes, this.length)
    this.length += bytes.length
  }

  /** The bytes `bytes[start..end)`, without a view of them. */
  range(bytes: Uint8Array, start: number, end: number): void {
    this.ensure(end - start)
    const buffer = this.buffer
    let at = this.length
    for (let i = start; i < end; i++) buffer[at++] = bytes[i]
    this.length = at
  }

  /** A string as its UTF-8 byte length (varint) and bytes. */
  string(text: string): void {
    if (text.length * 3 < 0x80) {
      // At most 127 bytes: a one-byte length, and the text encoded in place.
      this.ensure(text.length * 3 + 1)
      const { written } = encoder.encodeInto(
        text,
        this.buffer.subarray(this.length + 1),
      )
      this.buffer[this.length] = written
      this.length += written + 1
      return
    }
    const bytes = encoder.encode(text)
    this.varint(bytes.length)
    this.bytes(bytes)
  }

  /** The bytes written so far (a copy, exactly as long as written). */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length)
  }
}

/** Thrown when a file ends early or holds bytes no writer wrote. */
export class FormatError extends Error {
  override name = 'FormatError'
}

/** Reads what ByteWriter wrote, front to back. */
export class ByteReader {
  readonly bytes: Uint8Array
  offset = 0

  constructor(bytes: Uint8Array) {
    this.bytes = bytes
  }

  get done(): boolean {
    return this.offset >= this.bytes.length
  }

  byte(): number {
    if (this.offset >= this.bytes.length)
      throw new FormatError('unexpected end of data')
    return this.bytes[this.offset++]
  }

  varint(): number {
    let value = 0
    let scale = 1
    for (let shift = 0; shift < 56; shift += 7) {
      const byte = this.byte()
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 0x80
    }
    throw new FormatError('varint too long')
  }

  take(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length)
      throw new FormatError('unexpected end of data')
    const slice = this.bytes.subarray(this.offset, this.offset + length)
    this.offset += length
    return slice
  }

  string(): string {
    return decoder.decode(this.take(this.varint()))
  }
}
