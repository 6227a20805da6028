import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import type { ImageSet } from '../../../src/lib/article-schema.ts'
import { appendDurable } from './durable-files.ts'

/** What became of one image (by imageKey): its copies, or why it stays remote. */
export type ImageRecord = {
  key: string
  set: ImageSet | null
  /** File names of the copies (under `images/`). */
  files: string[]
  reason?: string
  originalBytes?: number
  mirroredBytes?: number
}

/**
 * The mirrored images, kept beside the other caches so a fresh output
 * folder (a CI run restoring only the cache) needs no fetch: the copies
 * under `files/` (named by their content's hash), and an append-only
 * index, one JSON line per image decided. A copy is written before its
 * line, so a crash leaves at most an unused file, never a line without one.
 */
export class ImageCache {
  readonly records = new Map<string, ImageRecord>()
  private readonly dir: string

  constructor(cacheDir: string) {
    this.dir = join(cacheDir, 'images')
    mkdirSync(join(this.dir, 'files'), { recursive: true })
    const index = join(this.dir, 'index.jsonl')
    if (!existsSync(index)) return
    for (const line of readFileSync(index, 'utf8').split('\n')) {
      try {
        const record = JSON.parse(line) as ImageRecord
        if (record.files.every((f) => existsSync(this.filePath(f))))
          this.records.set(record.key, record)
      } catch {
        // The last line of a crashed run, cut short: the image is tried again.
      }
    }
  }

  /** Stores the copies, then the record. */
  async add(
    record: ImageRecord,
    files: Array<{ name: string; bytes: Buffer }>,
  ): Promise<void> {
    for (const { name, bytes } of files) {
      const path = this.filePath(name)
      if (existsSync(path)) continue
      writeFileSync(`${path}.tmp-${process.pid}`, bytes)
      renameSync(`${path}.tmp-${process.pid}`, path)
    }
    await appendDurable(
      join(this.dir, 'index.jsonl'),
      `${JSON.stringify(record)}\n`,
    )
    this.records.set(record.key, record)
  }

  /** The bytes of a stored copy. */
  read(name: string): Buffer {
    return readFileSync(this.filePath(name))
  }

  private filePath(name: string): string {
    return join(this.dir, 'files', name)
  }
}
