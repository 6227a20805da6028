import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { shortHash } from '../shared/hash.ts'
import { ArticleHashes } from './article-hashes.ts'
import {
  NO_PREVIOUS_OUTPUT,
  type OutputWriter,
  type PreviousOutput,
} from '../write/output-writer.ts'

/**
 * Bump when the cache's meaning changes, to start afresh. 4: one line per
 * entry (articles by id, lists by folder), written and read as a stream.
 * 3: `merged` holds report names relative to the input roots.
 */
export const CACHE_VERSION = 4

/** What the last run wrote into an output folder. */
export type OutputHashes = {
  previous: PreviousOutput
  /** Inputs that were merged into another (their files are not written). */
  merged: Set<string>
}

/**
 * The cache files of one output folder, under `cacheDir` (default
 * `.cache/ingest`, outside the published data): `<key>.json` holds the
 * OutputHashes, `<key>.json.inputs` the InputResultsCache,
 * `<key>.json.search` the SearchRecordCache.
 */
export function cacheFiles(
  cacheDir: string,
  outDir: string,
): { outputHashes: string; inputResults: string; searchRecords: string } {
  const outputHashes = join(cacheDir, `${shortHash(resolve(outDir), 16)}.json`)
  return {
    outputHashes,
    inputResults: `${outputHashes}.inputs`,
    searchRecords: `${outputHashes}.search`,
  }
}

/**
 * The last run's output hashes; nothing when there is no cache, when it was
 * made for another output folder or by another version, or when the output
 * folder no longer holds a manifest (someone cleaned it). One line each:
 * `a <id> <hash>` (article), `l <folder> <pages>` (list), `f <path> <hash>`
 * (other file) and `m <report name>` (merged input), tab-separated, names
 * that may hold anything as JSON strings; a header line first.
 */
export function loadOutputHashes(path: string, outDir: string): OutputHashes {
  const empty = { previous: NO_PREVIOUS_OUTPUT, merged: new Set<string>() }
  if (!existsSync(path) || !existsSync(join(outDir, 'manifest.json')))
    return empty
  const files = new Map<string, string>()
  const articles = new ArticleHashes()
  const lists = new Map<string, number>()
  const merged = new Set<string>()
  let header = true
  try {
    for (const line of readLines(path)) {
      if (header) {
        const head = JSON.parse(line) as { version: number; key: string }
        if (head.version !== CACHE_VERSION || head.key !== resolve(outDir))
          return empty
        header = false
        continue
      }
      const [kind, name, value] = line.split('\t')
      if (kind === 'a') articles.set(name, value)
      else if (kind === 'l') lists.set(name, Number(value))
      else if (kind === 'f') files.set(JSON.parse(name) as string, value)
      else if (kind === 'm') merged.add(JSON.parse(name) as string)
      else return empty
    }
  } catch {
    return empty
  }
  if (header) return empty
  return { previous: { files, articles, lists }, merged }
}

/**
 * Saves this run's output hashes atomically (write, then rename), as a
 * stream: `articles` yields each current article's id and hash.
 */
export function saveOutputHashes(
  path: string,
  outDir: string,
  saved: {
    writer: Pick<OutputWriter, 'hashes' | 'lists'>
    articles: Iterable<[id: string, hash: string]>
    merged: Iterable<string>
  },
): void {
  mkdirSync(dirname(path), { recursive: true })
  const out = new LineWriter(`${path}.tmp`)
  try {
    out.line(JSON.stringify({ version: CACHE_VERSION, key: resolve(outDir) }))
    for (const [id, hash] of saved.articles) out.line(`a\t${id}\t${hash}`)
    for (const [base, pages] of saved.writer.lists)
      out.line(`l\t${base}\t${pages}`)
    for (const [rel, hash] of saved.writer.hashes)
      out.line(`f\t${JSON.stringify(rel)}\t${hash}`)
    for (const file of saved.merged) out.line(`m\t${JSON.stringify(file)}`)
  } finally {
    out.close()
  }
  renameSync(`${path}.tmp`, path)
}

// --- internal ---

/** The lines of a UTF-8 file, read in chunks. */
function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r')
  try {
    const chunk = Buffer.allocUnsafe(1 << 20)
    let carry = Buffer.alloc(0)
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      // Decode whole lines only: a chunk may end inside a character.
      const bytes = Buffer.concat([carry, chunk.subarray(0, n)])
      const end = bytes.lastIndexOf(10)
      carry = Buffer.from(bytes.subarray(end + 1))
      if (end >= 0) yield* bytes.toString('utf8', 0, end).split('\n')
    }
    if (carry.length > 0) yield carry.toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** Lines written through a 64 KB buffer. */
class LineWriter {
  private readonly fd: number
  private pending = ''

  constructor(path: string) {
    this.fd = openSync(path, 'w')
  }

  line(text: string): void {
    this.pending += `${text}\n`
    if (this.pending.length >= 64 * 1024) this.flush()
  }

  close(): void {
    this.flush()
    closeSync(this.fd)
  }

  private flush(): void {
    writeSync(this.fd, this.pending)
    this.pending = ''
  }
}
