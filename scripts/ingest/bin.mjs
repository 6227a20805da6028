#!/usr/bin/env node
/**
 * `npm run ingest`: runs the ingest CLI (cli.ts) from a bundle of its
 * TypeScript sources, so neither the process nor its worker threads pay for
 * compiling TypeScript on start (docs/decisions/014). The bundle lives in
 * node_modules/.cache/zixun-ingest/<digest>/, named by a digest of the
 * sources it was built from and of package-lock.json: an edit to any of
 * them makes the next run rebuild (~0.3 s), otherwise nothing is compiled.
 */
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '../..')
const cacheDir = join(root, 'node_modules/.cache/zixun-ingest')
const sourcesFile = join(cacheDir, 'sources.json')
const entryPoints = [
  'cli.ts',
  'workers/worker.ts',
  'write/search/invert-worker.ts',
].map((name) => join(import.meta.dirname, name))

/** The bundle's folder for the current sources, built when missing. */
export async function bundledIngest() {
  const sources = readSources()
  const current = sources && join(cacheDir, digestOf(sources))
  if (current && existsSync(join(current, 'cli.mjs'))) return current
  return rebuild()
}

async function rebuild() {
  const staging = join(cacheDir, `building-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  // Loaded only here: most runs find their bundle and never need esbuild.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints,
    outdir: staging,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    logLevel: 'warning',
    // Native code (libvips) loads from node_modules at run time.
    external: ['sharp'],
    // Bundled CommonJS dependencies may call require().
    banner: {
      js: "import { createRequire as zixunRequire } from 'node:module'; const require = zixunRequire(import.meta.url);",
    },
  })
  const sources = Object.keys(result.metafile.inputs)
    .filter((file) => !file.includes('node_modules/'))
    .map((file) => relative(root, resolve(file)))
    .sort()
  const target = join(cacheDir, digestOf(sources))
  try {
    renameSync(staging, target)
  } catch (error) {
    // Another run built the same sources first: use theirs.
    rmSync(staging, { recursive: true, force: true })
    if (!existsSync(join(target, 'cli.mjs'))) throw error
  }
  writeFileSync(sourcesFile, JSON.stringify(sources))
  pruneOldBundles(target)
  return target
}

/** Removes bundles of earlier sources not used for an hour. */
function pruneOldBundles(keep) {
  const hourAgo = Date.now() - 3_600_000
  for (const name of readdirSync(cacheDir)) {
    const dir = join(cacheDir, name)
    if (dir === keep) continue
    const stat = statSync(dir)
    if (stat.isDirectory() && stat.mtimeMs < hourAgo)
      rmSync(dir, { recursive: true, force: true })
  }
}

function readSources() {
  try {
    const sources = JSON.parse(readFileSync(sourcesFile, 'utf8'))
    return Array.isArray(sources) ? sources : undefined
  } catch {
    return undefined
  }
}

/** Digest of the sources' paths and contents and of the lockfile. */
function digestOf(sources) {
  const hash = createHash('sha256')
  for (const file of [...sources, 'package-lock.json']) {
    hash.update(`${file}\0`)
    try {
      hash.update(readFileSync(join(root, file)))
    } catch {
      hash.update('(missing)')
    }
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  mkdirSync(dirname(sourcesFile), { recursive: true })
  const dir = await bundledIngest()
  const { runCli } = await import(pathToFileURL(join(dir, 'cli.mjs')).href)
  process.exitCode = await runCli(process.argv.slice(2))
}
