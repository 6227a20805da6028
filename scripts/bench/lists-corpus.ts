/**
 * Synthetic corpora for the list benchmark: `count` demo posts, ingested
 * once and cached under `.cache/bench/lists-<count>/` (posts, data).
 * A corpus is generated again only when its `ingested` marker is missing.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { generateDemoCorpus } from '../demo/generate.ts'

export type BenchCorpus = {
  count: number
  posts: string
  data: string
  /** What `vite preview` serves: the app build plus a link to `data`. */
  site: string
}

const root = path.resolve(import.meta.dirname, '../../.cache/bench')
const appDir = path.join(root, 'lists-app')

/** Where the corpus of `count` posts lives. */
export function corpusDirs(count: number): BenchCorpus {
  const dir = path.join(root, `lists-${count}`)
  return {
    count,
    posts: path.join(dir, 'posts'),
    data: path.join(dir, 'data'),
    site: path.join(dir, 'site'),
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}`)
  }
}

/**
 * Generates and ingests the corpus of `count` posts unless a previous run
 * finished it (100,000 posts take a minute or two). Returns its folders.
 */
export async function prepareCorpus(
  count: number,
  log: (line: string) => void = console.log,
): Promise<BenchCorpus> {
  const dirs = corpusDirs(count)
  const marker = path.join(path.dirname(dirs.data), 'ingested')
  if (existsSync(marker)) return dirs
  const started = performance.now()
  await mkdir(path.dirname(dirs.posts), { recursive: true })
  await generateDemoCorpus({ count, outDir: dirs.posts })
  log(`  ${count} posts generated in ${seconds(started)} s`)
  await rm(dirs.data, { recursive: true, force: true })
  run(process.execPath, [
    'scripts/ingest/bin.mjs',
    '--input',
    dirs.posts,
    '--out',
    dirs.data,
  ])
  log(`  ${count} posts ingested after ${seconds(started)} s`)
  await writeFile(marker, new Date().toISOString())
  return dirs
}

/**
 * Builds the reader once (with the smallest corpus, so the build stays
 * quick) and gives every corpus a site folder: the built app, minus the
 * build's own data and prerendered pages, plus a symlink to its data. The
 * bench only loads `/` cold, so the prerendered article pages do not matter.
 */
export async function buildSites(corpora: BenchCorpus[]): Promise<void> {
  const vite = path.resolve('node_modules/.bin/vite')
  const smallest = [...corpora].sort((a, b) => a.count - b.count)[0]
  run(
    vite,
    ['build', '--outDir', appDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      ZIXUN_DATA_DIR: smallest.data,
      ZIXUN_PRERENDER_LIMIT: '0',
    },
  )
  const skip = new Set(['data', 'a'])
  for (const corpus of corpora) {
    await rm(corpus.site, { recursive: true, force: true })
    await mkdir(corpus.site, { recursive: true })
    for (const entry of await readdir(appDir)) {
      if (skip.has(entry)) continue
      await cp(path.join(appDir, entry), path.join(corpus.site, entry), {
        recursive: true,
      })
    }
    await symlink(corpus.data, path.join(corpus.site, 'data'), 'dir')
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const arg of process.argv.slice(2)) await prepareCorpus(Number(arg))
}
