import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { dataPaths } from '../../../src/lib/article-schema.ts'
import { contentHash } from '../shared/hash.ts'
import { convertInput } from '../convert/convert-input.ts'
import type { Prepared } from '../convert/prepare-article.ts'
import type { InputTask, Rejection } from '../read/input-types.ts'
import type { ImageContext } from '../convert/fields/mirrored-images.ts'

/** What a worker needs to know, sent once. */
export type TaskContext = {
  timeZone: string
  outDir: string
  /** Inputs merged into another last time: likely to lose again, not written. */
  mergedBefore: ReadonlySet<string>
  /**
   * The output has no article files yet (a first run into a new folder):
   * nothing to compare with, every article is written without a look.
   */
  freshOutput: boolean
  /** With `--images`: the mirrored images known so far. */
  images?: ImageContext
  /** Make each article's search record (the index is written). */
  search: boolean
}

/** A converted item as it travels back to the main thread: no body. */
export type Done = Omit<Prepared, 'articleJson'> & {
  file: string
  ok: true
  articleHash: string
  /** This thread wrote the article file. */
  written: boolean
  /** The article file now holds exactly these bytes (written, or already so). */
  onDisk: boolean
}

export type TaskResult = Array<Done | Rejection>

/**
 * Reads and converts one input file and writes its articles' files,
 * unless a file already holds the same bytes. Returns everything but the
 * bodies, so the main thread never holds article HTML.
 */
export function runTask(task: InputTask, context: TaskContext): TaskResult {
  const options = context.images
    ? {
        timeZone: context.timeZone,
        search: context.search,
        images: context.images,
      }
    : { timeZone: context.timeZone, search: context.search }
  return convertInput(task, options).map((outcome) => {
    if (!outcome.ok) return outcome
    const { prepared, file } = outcome
    const bytes = Buffer.from(prepared.articleJson)
    const articleHash = contentHash(bytes)
    // An article waiting for its images is converted again once they are
    // fetched: its file is written then.
    const skip =
      context.mergedBefore.has(file) || (prepared.wantImages?.length ?? 0) > 0
    const written = !skip && writeUnlessSame(prepared.id, bytes, context)
    // One object literal (no spread or rest): every result shares a shape.
    return {
      id: prepared.id,
      link: prepared.link,
      dateMs: prepared.dateMs,
      notes: prepared.notes,
      paths: prepared.paths,
      itemBytes: prepared.itemBytes,
      images: prepared.images,
      wantImages: prepared.wantImages,
      searchRecord: prepared.searchRecord,
      file,
      ok: true,
      articleHash,
      written,
      onDisk: !skip,
    }
  })
}

/** Writes the article's file unless it already holds these bytes; whether it wrote. */
function writeUnlessSame(
  id: string,
  bytes: Buffer,
  context: TaskContext,
): boolean {
  const path = join(context.outDir, dataPaths.article(id))
  if (!context.freshOutput && holdsBytes(path, bytes)) return false
  writeArticle(context.outDir, path, bytes)
  return true
}

/** Whether the file at `path` exists with exactly `bytes` (no read when sizes differ). */
function holdsBytes(path: string, bytes: Buffer): boolean {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return false
  }
  try {
    if (fstatSync(fd).size !== bytes.length) return false
    const old = Buffer.allocUnsafe(bytes.length)
    readSync(fd, old, 0, bytes.length, 0)
    return old.equals(bytes)
  } finally {
    closeSync(fd)
  }
}

let madeDir = ''

function writeArticle(outDir: string, path: string, bytes: Buffer): void {
  const dir = join(outDir, 'articles')
  if (madeDir !== dir) {
    mkdirSync(dir, { recursive: true })
    madeDir = dir
  }
  writeFileSync(path, bytes)
}
