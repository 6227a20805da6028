import {
  closeSync,
  mkdirSync,
  openSync,
  renameSync,
  writeSync,
  readdirSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { contentHash, contentHasher } from '../shared/hash.ts'

/** The hash remembered for a content-addressed file: its path is its hash. */
const ADDRESSED = '='

/** Folders the ingest owns inside the output: stale files there are removed. */
export const OWNED_DIRS = [
  'articles',
  'pages',
  'categories',
  'images',
  'search',
]

/**
 * Writes output files, skipping any whose content hash equals what the
 * previous run wrote there, and remembers every path written this run so
 * stale files can be removed at the end.
 */
export class OutputWriter {
  readonly hashes = new Map<string, string>()
  written = 0
  unchanged = 0
  readonly outDir: string
  private readonly previous: ReadonlyMap<string, string>
  private readonly dirs = new Set<string>()

  constructor(
    outDir: string,
    previous: ReadonlyMap<string, string> = new Map(),
  ) {
    this.outDir = outDir
    this.previous = previous
  }

  /** Writes `content` at `rel` unless it is already there (`force`: always). */
  write(rel: string, content: string | Uint8Array, force = false): void {
    if (this.remember(rel, contentHash(content)) && !force) {
      this.unchanged++
      return
    }
    this.writeFile(rel, content)
  }

  /** Records `hash` as the content of `rel`; whether it was already so. */
  private remember(rel: string, hash: string): boolean {
    const before = this.hashes.get(rel) ?? this.previous.get(rel)
    this.hashes.set(rel, hash)
    return before === hash
  }

  private writeFile(rel: string, content: string | Uint8Array): void {
    const path = join(this.outDir, rel)
    const dir = dirname(path)
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true })
      this.dirs.add(dir)
    }
    writeFileSync(path, content)
    this.written++
  }

  /**
   * Writes a file whose path names its content (a list page under its
   * list's content hash): when the last run wrote that path, the bytes are
   * the same, so nothing is hashed, compared or written.
   */
  writeAddressed(rel: string, content: () => string | Uint8Array): void {
    this.hashes.set(rel, ADDRESSED)
    if (this.previous.has(rel)) {
      this.unchanged++
      return
    }
    this.writeFile(rel, content())
  }

  /**
   * Writes a large file from its parts (the ingest report) through a small
   * buffer into `<rel>.tmp`, hashing as it goes; the file replaces the old
   * one only when its hash changed, so it is never held in memory whole.
   */
  writeParts(rel: string, parts: Iterable<string>): void {
    const path = join(this.outDir, rel)
    const tmp = `${path}.tmp`
    const hash = contentHasher()
    const fd = openSync(tmp, 'w')
    try {
      let pending = ''
      for (const part of parts) {
        pending += part
        if (pending.length < 64 * 1024) continue
        hash.update(pending)
        writeSync(fd, pending)
        pending = ''
      }
      hash.update(pending)
      writeSync(fd, pending)
    } finally {
      closeSync(fd)
    }
    if (this.remember(rel, hash.digest())) {
      unlinkSync(tmp)
      this.unchanged++
    } else {
      renameSync(tmp, path)
      this.written++
    }
  }

  /** What the last run recorded for `rel` (a hash, or a note), if anything. */
  previousHash(rel: string): string | undefined {
    return this.previous.get(rel)
  }

  /**
   * Records `value` under `rel`, a name that is no file (`search/.source`;
   * a note's last segment starts with a dot): saved with the hashes, read
   * back next run with `previousHash`.
   */
  note(rel: string, value: string): void {
    if (!isNote(rel)) throw new Error(`a note's name starts with a dot: ${rel}`)
    this.hashes.set(rel, value)
  }

  /**
   * Keeps every file the last run recorded under `prefix` (a part of the
   * output whose input did not change): nothing is written or removed
   * there. Returns how many files it kept.
   */
  keepPrevious(prefix: string): number {
    let kept = 0
    for (const [rel, hash] of this.previous) {
      if (!rel.startsWith(prefix)) continue
      this.hashes.set(rel, hash)
      if (!isNote(rel)) kept++
    }
    this.unchanged += kept
    return kept
  }

  /** Records a file another thread wrote (or found unchanged). */
  record(rel: string, hash: string, written: boolean): void {
    this.hashes.set(rel, hash)
    if (written) this.written++
    else this.unchanged++
  }

  /** Forgets a path written earlier in this run (a merged duplicate's file). */
  forget(rel: string): void {
    this.hashes.delete(rel)
  }

  /** Deletes files in the owned folders that this run did not write. */
  removeStale(): number {
    let removed = 0
    for (const dir of OWNED_DIRS) removed += this.sweep(dir)
    return removed
  }

  private sweep(rel: string): number {
    let entries
    try {
      entries = readdirSync(join(this.outDir, rel), { withFileTypes: true })
    } catch {
      return 0
    }
    let removed = 0
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`
      if (entry.isDirectory()) removed += this.sweep(child)
      else if (!this.hashes.has(child)) {
        unlinkSync(join(this.outDir, child))
        removed++
      }
    }
    if (readdirSync(join(this.outDir, rel)).length === 0)
      rmdirSync(join(this.outDir, rel))
    return removed
  }
}

/** Whether `rel` names a note (`OutputWriter.note`) rather than a file. */
function isNote(rel: string): boolean {
  return rel.slice(rel.lastIndexOf('/') + 1).startsWith('.')
}
