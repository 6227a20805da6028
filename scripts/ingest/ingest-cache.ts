import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { join, resolve } from 'node:path'
import { shortHash } from './hash.ts'

/** Bump when the output for the same input changes, to start afresh. */
export const CACHE_VERSION = 1

type CacheFile = {
  version: number
  key: string
  outputs: Record<string, string>
}

/**
 * Where the hashes of a run's output files are kept between runs: one file
 * per output folder, under `cacheDir` (default `.cache/ingest`, outside
 * the published data).
 */
export function cachePath(cacheDir: string, outDir: string): string {
  return join(cacheDir, `${shortHash(resolve(outDir), 16)}.json`)
}

/**
 * The previous run's output hashes, or an empty map when there is no cache,
 * when it was made with other options or another version, or when the
 * output folder no longer holds a manifest (someone cleaned it).
 */
export function loadCache(
  path: string,
  outDir: string,
  key: string,
): Map<string, string> {
  if (!existsSync(path) || !existsSync(join(outDir, 'manifest.json')))
    return new Map()
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as CacheFile
    if (cache.version !== CACHE_VERSION || cache.key !== key) return new Map()
    return new Map(Object.entries(cache.outputs))
  } catch {
    return new Map()
  }
}

/** Saves the hashes atomically (write then rename). */
export function saveCache(
  path: string,
  key: string,
  outputs: ReadonlyMap<string, string>,
): void {
  mkdirSync(join(path, '..'), { recursive: true })
  const sorted = [...outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const cache: CacheFile = {
    version: CACHE_VERSION,
    key,
    outputs: Object.fromEntries(sorted),
  }
  writeFileSync(`${path}.tmp`, JSON.stringify(cache))
  renameSync(`${path}.tmp`, path)
}
