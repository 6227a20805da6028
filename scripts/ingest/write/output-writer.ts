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
import { dataPaths } from '../../../src/lib/article-schema.ts'
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

/** What the last run left in the output folder (cache/output-hash-cache.ts). */
export type PreviousOutput = {
  /** Hash of each file that is no article and no list page, by path. */
  files: ReadonlyMap<string, string>
  /** Hash of each article file, by id (`ArticleHashes` when read from the cache). */
  articles: Pick<ReadonlyMap<string, string>, 'get'>
  /** Pages of each list, by folder (`pages/all/<hash>/`). */
  lists: ReadonlyMap<string, number>
}

/** Nothing written before: a first run. */
export const NO_PREVIOUS_OUTPUT: PreviousOutput = {
  files: new Map(),
  articles: new Map(),
  lists: new Map(),
}

/**
 * Writes output files, skipping any whose content hash equals what the
 * previous run wrote there, and remembers what this run wrote so stale
 * files can be removed at the end. Articles are remembered by the caller
 * (their ids and hashes are in the ArticleTable): `keepArticles` says
 * which ids are current. List pages are remembered by their list's folder.
 */
export class OutputWriter {
  /** Hash of each file written this run that is no article and no list page. */
  readonly hashes = new Map<string, string>()
  /** Pages of each list written this run, by folder. */
  readonly lists = new Map<string, number>()
  written = 0
  unchanged = 0
  readonly outDir: string
  private readonly previous: PreviousOutput
  private readonly dirs = new Set<string>()
  private isCurrentArticle: (id: string) => boolean = () => false

  constructor(outDir: string, previous: PreviousOutput = NO_PREVIOUS_OUTPUT) {
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
    const before = this.hashes.get(rel) ?? this.previous.files.get(rel)
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
   * Writes a file whose path names its content: when the last run wrote
   * that path, the bytes are the same, so nothing is hashed, compared or
   * written.
   */
  writeAddressed(rel: string, content: () => string | Uint8Array): void {
    this.hashes.set(rel, ADDRESSED)
    if (this.previous.files.has(rel)) {
      this.unchanged++
      return
    }
    this.writeFile(rel, content())
  }

  /**
   * Writes the pages `<base>1.json` … `<base><pages>.json` of a list whose
   * folder names its content (a hash of all its items): when the last run
   * wrote that folder, every page is already there as it would be.
   */
  writeList(
    base: string,
    pages: number,
    page: (n: number) => string | Uint8Array,
  ): void {
    this.lists.set(base, pages)
    if (this.previous.lists.get(base) === pages) {
      this.unchanged += pages
      return
    }
    for (let n = 1; n <= pages; n++) this.writeFile(`${base}${n}.json`, page(n))
  }

  /** Writes article `id`'s file (the caller remembers its hash). */
  writeArticle(id: string, content: string | Uint8Array): void {
    this.writeFile(dataPaths.article(id), content)
  }

  /** Which ids' article files this run keeps; every other one is stale. */
  keepArticles(isCurrent: (id: string) => boolean): void {
    this.isCurrentArticle = isCurrent
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
    return this.previous.files.get(rel)
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
    for (const [rel, hash] of this.previous.files) {
      if (!rel.startsWith(prefix)) continue
      this.hashes.set(rel, hash)
      if (!isNote(rel)) kept++
    }
    this.unchanged += kept
    return kept
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
      else if (!this.isCurrent(child)) {
        unlinkSync(join(this.outDir, child))
        removed++
      }
    }
    if (readdirSync(join(this.outDir, rel)).length === 0)
      rmdirSync(join(this.outDir, rel))
    return removed
  }

  /** Whether `rel`, a file in an owned folder, was written (or kept) this run. */
  private isCurrent(rel: string): boolean {
    if (this.hashes.has(rel)) return true
    const article = /^articles\/(.+)\.json$/.exec(rel)
    if (article) return this.isCurrentArticle(article[1])
    const page = /^(.+\/)(\d+)\.json$/.exec(rel)
    if (!page) return false
    const pages = this.lists.get(page[1]) ?? 0
    const n = Number(page[2])
    return n >= 1 && n <= pages && String(n) === page[2]
  }
}

/** Whether `rel` names a note (`OutputWriter.note`) rather than a file. */
function isNote(rel: string): boolean {
  return rel.slice(rel.lastIndexOf('/') + 1).startsWith('.')
}
