import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { bundleDir } from '../shared/bundle-dir.ts'
import { shortHash } from '../shared/hash.ts'

const INGEST_DIR = join(import.meta.dirname, '..')
const SHARED_LIB_DIR = join(INGEST_DIR, '../../src/lib')

/**
 * A digest of the code that converts inputs, so results cached by another
 * version of it are never reused. From the bundle: its folder's name
 * (bin.mjs names it by a digest of the sources in it). From the sources
 * (tsx, Vitest): every non-test module under scripts/ingest, src/lib and
 * src/lib/search (the contract, the lists and the search tokenizer and
 * index format the ingest shares with the reader).
 */
export function codeVersion(): string {
  if (bundleDir) return basename(bundleDir)
  const files = [
    ...sourcesIn(INGEST_DIR, true),
    ...sourcesIn(SHARED_LIB_DIR, false),
    // The search tokenizer and index format the ingest shares with the reader.
    ...sourcesIn(join(SHARED_LIB_DIR, 'search'), false),
  ]
  return shortHash(
    files.map((file) => readFileSync(file, 'utf8')).join('\u0000'),
    16,
  )
}

function sourcesIn(dir: string, recursive: boolean): string[] {
  return readdirSync(dir, { recursive })
    .map(String)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort()
    .map((name) => join(dir, name))
}
