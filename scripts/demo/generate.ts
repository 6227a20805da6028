import { mkdir, readdir, rmdir, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createPost } from './demo-post.ts'
import type { DemoEntry, DemoPost } from './demo-post.ts'
import { FeedFiles } from './feed-file.ts'
import type { FeedFileText } from './feed-file.ts'
import { NO_QUIRKS } from './quirks.ts'
import type { QuirkMix } from './quirks.ts'
import { createImagePool } from './svg-image.ts'
import type { DemoImage } from './svg-image.ts'
import { feeds } from './taxonomy.ts'

export const DEFAULT_COUNT = 360
export const DEFAULT_SEED = 'zixun'
/** Marks a directory as ours, so a re-run may empty it. */
export const MARKER_FILE = '.zixun-demo'

export type DemoCorpusOptions = {
  count?: number
  /** Where the posts go, as `<category>/<site>/<feed>/<title>.md`. */
  outDir: string
  /** Where the shared SVG images go; omit to skip writing them. */
  imagesDir?: string
  seed?: string
  /** Files written at the same time. */
  concurrency?: number
  /** How often each quirk of real aggregated posts appears (quirks.ts); none by default. */
  quirks?: QuirkMix
  /** Also return a description of every post (keeps them all in memory). */
  describe?: boolean
}

export type DemoCorpusResult = {
  posts: number
  withoutImage: number
  images: number
  /** With `describe`: what was written, in corpus order. */
  entries?: DemoEntry[]
}

/**
 * Writes a deterministic demo corpus: `count` Hexo posts in the aggregator's
 * format under `outDir` and, when `imagesDir` is given, the image pool the
 * posts reference as `/demo/images/<name>.svg`. With a quirk mix, some
 * posts carry the quirks of real aggregated posts, and some are Markdown
 * or items of RSS, Atom and JSON Feed files under `outDir/feeds`. A directory an earlier run
 * made is rewritten in place and cleared of posts this run did not write
 * (cheaper than deleting 100,000 files first); any other non-empty
 * directory is refused.
 */
export async function generateDemoCorpus(
  options: DemoCorpusOptions,
): Promise<DemoCorpusResult> {
  const { count = DEFAULT_COUNT, outDir, seed = DEFAULT_SEED } = options
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number, got ${count}`)
  }
  const pool = createImagePool()
  await prepareOutDir(outDir)
  const images = options.imagesDir
    ? await writeImages(options.imagesDir, pool)
    : 0
  for (const feed of feeds) {
    await mkdir(path.join(outDir, ...feed.categories), { recursive: true })
  }
  const taken = new Set<string>()
  const mix = options.quirks ?? NO_QUIRKS
  const feedFiles = new FeedFiles()
  const entries: DemoEntry[] = []
  const describe = (index: number, file: string, post: DemoPost) => {
    if (options.describe) entries[index] = { file, ...post.entry }
  }
  const writeFeed = async ({ file, text }: FeedFileText) => {
    const target = path.join(outDir, file)
    taken.add(target)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, text)
  }
  let withoutImage = 0
  let next = 0
  const writeNext = async (): Promise<void> => {
    while (next < count) {
      const index = next++
      const post = createPost(index, seed, pool, mix)
      if (!post.hasImage) withoutImage++
      if (post.text === '') {
        const { name, done } = feedFiles.add(post.parts)
        describe(index, name, post)
        if (done) await writeFeed(done)
        continue
      }
      const dir = path.join(outDir, ...post.segments.slice(0, -1))
      const file = uniqueFile(dir, post.segments.at(-1) ?? 'untitled', taken)
      describe(
        index,
        path.relative(outDir, file).split(path.sep).join('/'),
        post,
      )
      await writeFile(file, post.text)
    }
  }
  // libuv runs file I/O on 4 threads; more writes in flight only queue.
  const workers = Math.max(1, options.concurrency ?? 8)
  await Promise.all(Array.from({ length: workers }, writeNext))
  for (const rest of feedFiles.rest()) await writeFeed(rest)
  await removeStale(outDir, taken)
  return {
    posts: count,
    withoutImage,
    images,
    ...(options.describe ? { entries } : {}),
  }
}

/** Writes the shared image pool; returns how many files it wrote. */
export async function generateDemoImages(imagesDir: string): Promise<number> {
  return writeImages(imagesDir, createImagePool())
}

// --- internal ---

async function writeImages(
  imagesDir: string,
  pool: readonly DemoImage[],
): Promise<number> {
  await mkdir(imagesDir, { recursive: true })
  await Promise.all(
    pool.map((image) => writeFile(path.join(imagesDir, image.file), image.svg)),
  )
  return pool.length
}

async function prepareOutDir(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch((): string[] => [])
  if (entries.length > 0 && !entries.includes(MARKER_FILE)) {
    throw new Error(
      `${outDir} is not empty and was not made by the demo generator; choose another --out`,
    )
  }
  await mkdir(outDir, { recursive: true })
  await writeFile(
    path.join(outDir, MARKER_FILE),
    'Generated by scripts/demo; safe to delete.\n',
  )
}

async function removeStale(outDir: string, keep: Set<string>): Promise<void> {
  const entries = await readdir(outDir, {
    recursive: true,
    withFileTypes: true,
  })
  const dirs: string[] = []
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name)
    if (entry.isDirectory()) dirs.push(file)
    else if (!keep.has(file) && file !== path.join(outDir, MARKER_FILE)) {
      await unlink(file)
    }
  }
  // Deepest first; folders that still hold posts stay.
  for (const dir of dirs.sort((a, b) => b.length - a.length)) {
    await rmdir(dir).catch(() => undefined)
  }
}

function uniqueFile(dir: string, base: string, taken: Set<string>): string {
  let file = path.join(dir, `${base}.md`)
  for (let n = 2; taken.has(file); n++) {
    file = path.join(dir, `${base} ${n}.md`)
  }
  taken.add(file)
  return file
}
