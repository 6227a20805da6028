import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  truncateSync,
  unlinkSync,
} from 'node:fs'
import { join } from 'node:path'
import type { FeedItem } from '../read/feeds/parse-xml-feed.ts'
import {
  headerLine,
  itemLine,
  readHeader,
  readLineHead,
  readLineItem,
  type FeedMeta,
  type StoredItem,
} from '../read/subscriptions/stored-items.ts'
import { contentHash } from '../shared/hash.ts'
import { appendDurable, writeFileAtomic } from './durable-files.ts'

/** A segment takes new items until it holds this many, or this many bytes. */
const SEGMENT_ITEMS = 1000
const SEGMENT_BYTES = 4 * 1024 * 1024

type Segment = { name: string; path: string; items: number; bytes: number }
type Indexed = { segment: number; hash: string; dateMs: number }
type Fresh = Omit<Indexed, 'segment'> & { key: string; line: string }

/** An item as the feed gave it, with its key and the date used for retention. */
export type Incoming = { key: string; dateMs: number; item: FeedItem }

/**
 * One subscribed feed's item history: every item ever seen, in segment
 * files (format in read/subscriptions/stored-items.ts) under its own
 * folder of the cache. Each key lives in exactly one segment. New items
 * are appended to the last segment (one flushed write); an item whose
 * content changed is replaced where it is, by rewriting that segment
 * atomically; so a crash at any point loses nothing stored before it and
 * leaves no corrupt file (a cut last line is dropped on open).
 */
export class FeedHistory {
  readonly dir: string
  meta: FeedMeta | undefined
  private readonly segments: Segment[] = []
  private readonly index = new Map<string, Indexed>()

  private constructor(dir: string) {
    this.dir = dir
  }

  /** Opens (or creates) the history in `dir`, repairing what a crash left. */
  static open(dir: string): FeedHistory {
    mkdirSync(dir, { recursive: true })
    const history = new FeedHistory(dir)
    const names = readdirSync(dir).sort()
    for (const name of names) {
      if (name.includes('.tmp-')) unlinkSync(join(dir, name))
    }
    for (const name of names.filter((n) => /^items-\d{4,}\.jsonl$/.test(n))) {
      history.load(name)
    }
    return history
  }

  /** Items stored. */
  get size(): number {
    return this.index.size
  }

  /** The segment files, oldest first. */
  segmentPaths(): string[] {
    return this.segments.map((s) => s.path)
  }

  private load(name: string): void {
    const path = join(this.dir, name)
    const text = readFileSync(path, 'utf8')
    const end = text.lastIndexOf('\n')
    // A crash mid-append left a line without its newline: cut it off.
    if (end + 1 < text.length) {
      truncateSync(path, Buffer.byteLength(text.slice(0, end + 1)))
    }
    const lines = text
      .slice(0, end + 1)
      .split('\n')
      .slice(0, -1)
    const meta = readHeader(lines[0] ?? '')
    if (!meta) {
      // Not ours, or cut before its first line was whole: nothing to keep.
      unlinkSync(path)
      return
    }
    this.meta ??= meta
    const segment = this.segments.length
    let items = 0
    for (const line of lines.slice(1)) {
      const head = readLineHead(line)
      if (!head) continue
      this.index.set(head.key, {
        segment,
        hash: head.hash,
        dateMs: head.dateMs,
      })
      items++
    }
    this.segments.push({ name, path, items, bytes: Buffer.byteLength(text) })
  }

  /**
   * Adds the items not stored yet and replaces those whose content
   * changed (keeping when they were first seen); the rest are left alone.
   * Writes the meta into every segment when it changed. Returns the keys
   * added and updated.
   */
  async merge(incoming: Incoming[], meta: FeedMeta, now: number) {
    if (this.meta && !sameMeta(this.meta, meta)) await this.rewriteAll(meta)
    this.meta = meta
    const fresh: Fresh[] = []
    const changed: Array<Incoming & { hash: string }> = []
    const seen = new Set<string>()
    for (const entry of incoming) {
      if (seen.has(entry.key)) continue
      seen.add(entry.key)
      const hash = contentHash(JSON.stringify(entry.item))
      const known = this.index.get(entry.key)
      if (known?.hash === hash) continue
      if (known) changed.push({ ...entry, hash })
      else {
        const stored = { ...entry.item, firstSeen: now }
        const line = itemLine(entry.key, hash, entry.dateMs, stored)
        fresh.push({ key: entry.key, hash, dateMs: entry.dateMs, line })
      }
    }
    if (changed.length > 0) {
      const before = this.read(changed.map((c) => c.key))
      const updates = new Map<string, StoredItem>()
      for (const { key, hash, dateMs, item } of changed) {
        // New content: full text is fetched again for it.
        updates.set(key, {
          ...item,
          firstSeen: before.get(key)?.firstSeen ?? now,
        })
        this.index.set(key, {
          segment: this.index.get(key)!.segment,
          hash,
          dateMs,
        })
      }
      await this.replace(updates)
    }
    await this.append(fresh)
    return {
      added: fresh.map((f) => f.key),
      updated: changed.map((c) => c.key),
    }
  }

  /** Replaces stored items (full text fetched) without changing their keys or hashes. */
  async update(items: Map<string, StoredItem>): Promise<void> {
    if (items.size > 0) await this.replace(items)
  }

  /** The stored items with these keys. */
  read(keys: Iterable<string>): Map<string, StoredItem> {
    const wanted = new Set(keys)
    const found = new Map<string, StoredItem>()
    const segments = new Set([...wanted].map((k) => this.index.get(k)?.segment))
    for (const s of segments) {
      if (s === undefined) continue
      for (const line of this.lines(s)) {
        const head = readLineHead(line)
        if (head && wanted.has(head.key))
          found.set(head.key, readLineItem(line))
      }
    }
    return found
  }

  /**
   * Drops items older than `keepDays` (by their date, else when first
   * seen) and, past `maxItems`, the oldest. Returns how many were dropped.
   */
  async retain(
    limits: { keepDays?: number; maxItems?: number },
    now: number,
  ): Promise<number> {
    const drop = new Set<string>()
    if (limits.keepDays !== undefined) {
      const cutoff = now - limits.keepDays * 86_400_000
      for (const [key, at] of this.index) if (at.dateMs < cutoff) drop.add(key)
    }
    if (
      limits.maxItems !== undefined &&
      this.index.size - drop.size > limits.maxItems
    ) {
      const kept = [...this.index].filter(([key]) => !drop.has(key))
      kept.sort((a, b) => b[1].dateMs - a[1].dateMs)
      for (const [key] of kept.slice(limits.maxItems)) drop.add(key)
    }
    if (drop.size === 0) return 0
    const segments = new Set([...drop].map((k) => this.index.get(k)!.segment))
    for (const s of segments) {
      const kept = this.lines(s).filter(
        (line) => !drop.has(readLineHead(line)?.key ?? ''),
      )
      await this.writeSegment(s, kept)
    }
    for (const key of drop) this.index.delete(key)
    return drop.size
  }

  private async append(fresh: Fresh[]): Promise<void> {
    let at = 0
    while (at < fresh.length) {
      let segment = this.segments.length - 1
      const last = this.segments[segment]
      if (!last || last.items >= SEGMENT_ITEMS || last.bytes >= SEGMENT_BYTES) {
        segment = await this.createSegment()
      }
      const target = this.segments[segment]
      const batch = fresh.slice(at, at + SEGMENT_ITEMS - target.items)
      const text = batch.map((f) => f.line).join('')
      await appendDurable(target.path, text)
      target.items += batch.length
      target.bytes += Buffer.byteLength(text)
      for (const { key, hash, dateMs } of batch) {
        this.index.set(key, { segment, hash, dateMs })
      }
      at += batch.length
    }
  }

  private async createSegment(): Promise<number> {
    const number =
      this.segments.length === 0
        ? 1
        : segmentNumber(this.segments.at(-1)!.name) + 1
    const name = `items-${String(number).padStart(4, '0')}.jsonl`
    const path = join(this.dir, name)
    const header = headerLine(this.meta!)
    await writeFileAtomic(path, header)
    this.segments.push({
      name,
      path,
      items: 0,
      bytes: Buffer.byteLength(header),
    })
    return this.segments.length - 1
  }

  /** Rewrites the segments holding `items` with those lines replaced. */
  private async replace(items: Map<string, StoredItem>): Promise<void> {
    const segments = new Set(
      [...items.keys()].map((k) => this.index.get(k)?.segment),
    )
    for (const s of segments) {
      if (s === undefined) continue
      const lines = this.lines(s).map((line) => {
        const head = readLineHead(line)
        const item = head && items.get(head.key)
        if (!head || !item) return line
        const at = this.index.get(head.key)!
        return itemLine(head.key, at.hash, at.dateMs, item).slice(0, -1)
      })
      await this.writeSegment(s, lines)
    }
  }

  private async rewriteAll(meta: FeedMeta): Promise<void> {
    this.meta = meta
    for (let s = 0; s < this.segments.length; s++) {
      await this.writeSegment(s, this.lines(s))
    }
  }

  /** The item lines of segment `s` (without the header, without newlines). */
  private lines(s: number): string[] {
    const text = readFileSync(this.segments[s].path, 'utf8')
    return text.split('\n').slice(1, -1)
  }

  private async writeSegment(s: number, lines: string[]): Promise<void> {
    const text = headerLine(this.meta!) + lines.map((l) => `${l}\n`).join('')
    await writeFileAtomic(this.segments[s].path, text)
    this.segments[s].items = lines.length
    this.segments[s].bytes = Buffer.byteLength(text)
  }
}

function segmentNumber(name: string): number {
  return Number(/^items-(\d+)\.jsonl$/.exec(name)?.[1] ?? 0)
}

function sameMeta(a: FeedMeta, b: FeedMeta): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Whether `dir` holds a feed history with at least one segment. */
export function hasHistory(dir: string): boolean {
  return (
    existsSync(dir) &&
    readdirSync(dir).some((n) => /^items-\d{4,}\.jsonl$/.test(n))
  )
}
