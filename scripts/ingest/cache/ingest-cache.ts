import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { join, resolve } from 'node:path'
import { shortHash } from '../shared/hash.ts'

/** Bump when the cache's meaning changes, to start afresh. */
export const CACHE_VERSION = 2

/** What one run leaves for the next. */
export type RunMemory = {
  /** Hash of every output file, by path relative to the output folder. */
  outputs: Map<string, string>
  /** Inputs that were merged into another (their files are not written). */
  merged: Set<string>
}

type CacheFile = {
  version: number
  key: string
  outputs: Record<string, string>
  merged: string[]
}

/**
 * Where a run's memory is kept: one file per output folder, under
 * `cacheDir` (default `.cache/ingest`, outside the published data).
 */
export function cachePath(cacheDir: string, outDir: string): string {
  return join(cacheDir, `${shortHash(resolve(outDir), 16)}.json`)
}

/**
 * The previous run's memory; empty when there is no cache, when it was
 * made for another output folder or by another version, or when the output
 * folder no longer holds a manifest (someone cleaned it).
 */
export function loadCache(path: string, outDir: string): RunMemory {
  const empty = {
    outputs: new Map<string, string>(),
    merged: new Set<string>(),
  }
  if (!existsSync(path) || !existsSync(join(outDir, 'manifest.json')))
    return empty
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as CacheFile
    if (cache.version !== CACHE_VERSION || cache.key !== resolve(outDir))
      return empty
    return {
      outputs: new Map(Object.entries(cache.outputs)),
      merged: new Set(cache.merged),
    }
  } catch {
    return empty
  }
}

/** Saves the memory atomically (write, then rename). */
export function saveCache(
  path: string,
  outDir: string,
  memory: RunMemory,
): void {
  mkdirSync(join(path, '..'), { recursive: true })
  const sorted = [...memory.outputs].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )
  const cache: CacheFile = {
    version: CACHE_VERSION,
    key: resolve(outDir),
    outputs: Object.fromEntries(sorted),
    merged: [...memory.merged].sort(),
  }
  writeFileSync(`${path}.tmp`, JSON.stringify(cache))
  renameSync(`${path}.tmp`, path)
}
