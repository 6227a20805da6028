import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Text files worth compressing (images other than SVG already are). */
const TEXT = /\.(html|js|mjs|css|json|svg|xml|txt|webmanifest)$/

/** Below this, compression gains nothing (nginx's `gzip_min_length`). */
export const PRECOMPRESS_MIN_BYTES = 512

/**
 * Files whose number grows with the corpus, fetched one at a time after
 * the first screen: article pages and JSON, search shards, list pages past
 * the first. nginx compresses them on the fly (`gzip on`), as CDNs do.
 */
const PER_ARTICLE = /^(a\/|data\/articles\/|data\/search\/)/
const LIST_PAGE = /^data\/(pages|categories)\/.*\/(\d+)\.json$/

/**
 * Whether a file of the build (path relative to it, with `/`) gets
 * precompressed siblings: text files of at least 512 bytes that a first
 * visit loads — the code, the HTML of the shell and the prerendered lists,
 * the manifest, the first page of every list, feeds, sitemap — and whose
 * number does not grow with the corpus's article count.
 */
export function shouldPrecompress(file: string, bytes: number): boolean {
  if (!TEXT.test(file) || bytes < PRECOMPRESS_MIN_BYTES) return false
  if (PER_ARTICLE.test(file)) return false
  const page = LIST_PAGE.exec(file)
  return !page || page[2] === '1'
}

export type PrecompressResult = {
  files: number
  bytes: number
  gzipBytes: number
  brotliBytes: number
}

async function compress(file: string, result: PrecompressResult) {
  const data = await readFile(file)
  const [br, gz] = await Promise.all([
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]:
          zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ])
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)])
  result.files += 1
  result.bytes += data.length
  result.brotliBytes += br.length
  result.gzipBytes += gz.length
}

/**
 * Writes `<file>.br` (Brotli, quality 11) and `<file>.gz` (gzip, level 9)
 * beside every file under `dir` that `shouldPrecompress` picks, for
 * nginx's `brotli_static` and `gzip_static`. Compression runs on libuv's
 * thread pool, a few files at a time.
 */
export async function precompressDir(dir: string): Promise<PrecompressResult> {
  const files: string[] = []
  // Walks the build, not entering the folders of per-article files.
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), {
      withFileTypes: true,
    })
    for (const entry of entries) {
      const name = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (!PER_ARTICLE.test(`${name}/`)) await walk(name)
      } else if (entry.isFile() && TEXT.test(name)) {
        const file = path.join(dir, name)
        if (shouldPrecompress(name, (await stat(file)).size)) files.push(file)
      }
    }
  }
  await walk('')
  const result: PrecompressResult = {
    files: 0,
    bytes: 0,
    gzipBytes: 0,
    brotliBytes: 0,
  }
  const worker = async () => {
    for (let file = files.pop(); file; file = files.pop())
      await compress(file, result)
  }
  await Promise.all(Array.from({ length: 8 }, worker))
  return result
}
