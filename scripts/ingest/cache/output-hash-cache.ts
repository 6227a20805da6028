import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { join, resolve } from 'node:path'
import { shortHash } from '../shared/hash.ts'

/**
 * Bump when the cache's meaning changes, to start afresh. 3: `merged`
 * holds report names relative to the input roots (2 held them as given).
 */
export const CACHE_VERSION = 3

/** What the last run wrote into an output folder. */
export type OutputHashes = {
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
 * The last run's output hashes; empty when there is no cache, when it was
 * made for another output folder or by another version, or when the output
 * folder no longer holds a manifest (someone cleaned it).
 */
export function loadOutputHashes(path: string, outDir: string): OutputHashes {
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

/** Saves this run's output hashes atomically (write, then rename). */
export function saveOutputHashes(
  path: string,
  outDir: string,
  hashes: OutputHashes,
): void {
  mkdirSync(join(path, '..'), { recursive: true })
  const sorted = [...hashes.outputs].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )
  const cache: CacheFile = {
    version: CACHE_VERSION,
    key: resolve(outDir),
    outputs: Object.fromEntries(sorted),
    merged: [...hashes.merged].sort(),
  }
  writeFileSync(`${path}.tmp`, JSON.stringify(cache))
  renameSync(`${path}.tmp`, path)
}
