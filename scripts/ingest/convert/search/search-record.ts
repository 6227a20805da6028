import {
  CJK_BASE,
  CJK_SPAN,
  countIndexTerms,
} from '../../../../src/lib/search/tokenize.ts'
import { IntCounter } from './int-counts.ts'

/**
 * An article's *search record*: its length in units and each distinct
 * index term (shared tokenizer, src/lib/search/tokenize.ts) with how often
 * it occurs in the body and in the title. Made where the article is
 * converted (a worker thread), so tokenizing runs on every core; cached by
 * the article's content hash, so an unchanged article is never tokenized
 * again; turned into postings by write/search/.
 *
 * Bytes: varint units, varint term count, then per term: varint byte
 * length, the term's UTF-8 bytes, varint body count, varint title count.
 */

const bodyInts = new IntCounter()
const titleInts = new IntCounter()
const bodyWords = new Map<string, number>()
const titleWords = new Map<string, number>()
const encoder = new TextEncoder()

/** Most body occurrences counted per term (BM25 saturates long before). */
const MAX_COUNT = 0xffff

export function encodeSearchRecord(title: string, body: string): Uint8Array {
  bodyInts.reset()
  titleInts.reset()
  bodyWords.clear()
  titleWords.clear()
  const units =
    countIndexTerms(title, 1, titleInts, titleWords) +
    countIndexTerms(body, 1, bodyInts, bodyWords)
  const writer = new RecordWriter(
    16 +
      (bodyInts.size + titleInts.size) * 9 +
      (bodyWords.size + titleWords.size) * 20,
  )
  writer.varint(units)
  let count = bodyInts.size + bodyWords.size
  titleInts.forEach((key) => {
    if (!bodyInts.has(key)) count++
  })
  for (const word of titleWords.keys()) if (!bodyWords.has(word)) count++
  writer.varint(count)
  bodyInts.forEach((key, n) => {
    writer.cjk(key)
    writer.counts(n, titleInts.get(key))
  })
  titleInts.forEach((key, n) => {
    if (bodyInts.has(key)) return
    writer.cjk(key)
    writer.counts(0, n)
  })
  for (const [word, n] of bodyWords) {
    writer.word(word)
    writer.counts(n, titleWords.get(word) ?? 0)
  }
  for (const [word, n] of titleWords) {
    if (bodyWords.has(word)) continue
    writer.word(word)
    writer.counts(0, n)
  }
  return writer.finish()
}

/** A record as it is read: its units and, per term, where its bytes are. */
export type RecordTerms = {
  units: number
  /** Per term: start and end of its UTF-8 bytes, body count, title count. */
  visit: (
    term: (start: number, end: number, body: number, title: number) => void,
  ) => void
}

/** Reads a record made by encodeSearchRecord. */
export function readSearchRecord(bytes: Uint8Array): RecordTerms {
  let at = 0
  const varint = () => {
    let value = 0
    let scale = 1
    for (;;) {
      const byte = bytes[at++]
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 0x80
    }
  }
  const units = varint()
  const count = varint()
  const start = at
  return {
    units,
    visit: (term) => {
      at = start
      for (let i = 0; i < count; i++) {
        const length = varint()
        const from = at
        at += length
        const body = varint()
        const title = varint()
        term(from, from + length, body, title)
      }
    },
  }
}

class RecordWriter {
  private bytes: Uint8Array
  private at = 0

  constructor(size: number) {
    this.bytes = new Uint8Array(size)
  }

  private room(extra: number): void {
    if (this.at + extra <= this.bytes.length) return
    const next = new Uint8Array(
      Math.max(this.bytes.length * 2, this.at + extra),
    )
    next.set(this.bytes.subarray(0, this.at))
    this.bytes = next
  }

  varint(value: number): void {
    this.room(8)
    while (value >= 0x80) {
      this.bytes[this.at++] = (value & 0x7f) | 0x80
      value >>>= 7
    }
    this.bytes[this.at++] = value
  }

  /**
   * A CJK key's term (keyTerm's, spelt without making it): its length,
   * then one or two BMP characters of three UTF-8 bytes each.
   */
  cjk(key: number): void {
    this.room(7)
    if (key < CJK_SPAN) {
      this.bytes[this.at++] = 3
      this.char(key + CJK_BASE)
      return
    }
    const pair = key - CJK_SPAN
    this.bytes[this.at++] = 6
    this.char(Math.floor(pair / CJK_SPAN) + CJK_BASE)
    this.char((pair % CJK_SPAN) + CJK_BASE)
  }

  private char(c: number): void {
    this.bytes[this.at++] = 0xe0 | (c >> 12)
    this.bytes[this.at++] = 0x80 | ((c >> 6) & 0x3f)
    this.bytes[this.at++] = 0x80 | (c & 0x3f)
  }

  word(word: string): void {
    this.room(word.length * 3 + 3)
    const mark = this.at
    this.at += 1
    const { written } = encoder.encodeInto(word, this.bytes.subarray(this.at))
    if (written < 0x80) {
      this.bytes[mark] = written
      this.at += written
      return
    }
    // A length of two bytes: move the term one byte on.
    this.bytes.copyWithin(mark + 2, mark + 1, mark + 1 + written)
    this.bytes[mark] = (written & 0x7f) | 0x80
    this.bytes[mark + 1] = written >> 7
    this.at = mark + 2 + written
  }

  counts(body: number, title: number): void {
    this.varint(Math.min(MAX_COUNT, body))
    this.varint(Math.min(MAX_COUNT, title))
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.at)
  }
}
