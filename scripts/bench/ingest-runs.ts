import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { loadavg } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { generateDemoCorpus } from '../demo/generate.ts'
import { REAL_SHAPED } from '../demo/quirks.ts'
import { sharedPaths } from '../shared-data.ts'

/** Where ingest benchmarks keep corpora and run folders. */
export const benchRoot = path.resolve(import.meta.dirname, '../../.cache/bench')

/** One timed ingest: wall and CPU seconds, peak RSS of the whole process. */
export type Run = { wall: number; user: number; sys: number; rssMiB: number }

/** Which corpus: the plain demo, or the demo with the real posts' quirks. */
export type CorpusKind = 'demo' | 'real-shaped'

/**
 * The demo corpus of `count` posts (seed `zixun`) under
 * `.cache/bench/ingest-<count>/posts`, or with the quirk mix of real posts
 * (REAL_SHAPED) under `.cache/bench/ingest-real-<count>/posts`; generated
 * once.
 */
export async function corpus(
  count: number,
  kind: CorpusKind = 'demo',
): Promise<string> {
  const name = kind === 'demo' ? `ingest-${count}` : `ingest-real-${count}`
  return keptCorpus(name, count, (posts) =>
    generateDemoCorpus({
      count,
      outDir: posts,
      ...(kind === 'demo' ? {} : { quirks: REAL_SHAPED }),
    }),
  )
}

/**
 * `count` files made from the shared real posts (`../shared/corpus/posts`,
 * found by scripts/shared-data.ts) under `.cache/bench/ingest-shared-<count>`:
 * copy after copy of every post, each copy in a folder of its own so its id
 * (from its path) is its own. Undefined when the shared posts are absent.
 */
export async function replicatedCorpus(
  count: number,
): Promise<string | undefined> {
  if (!existsSync(sharedPaths.posts)) return undefined
  const names = readdirSync(sharedPaths.posts).filter((n) => n.endsWith('.md'))
  if (names.length === 0) return undefined
  return keptCorpus(`ingest-shared-${count}`, count, async (posts) => {
    for (let i = 0; i < count; i++) {
      const copy = path.join(posts, `copy-${Math.floor(i / names.length)}`)
      if (i % names.length === 0) await mkdir(copy, { recursive: true })
      const name = names[i % names.length]
      copyFileSync(path.join(sharedPaths.posts, name), path.join(copy, name))
    }
  })
}

async function keptCorpus(
  name: string,
  count: number,
  make: (posts: string) => Promise<unknown>,
): Promise<string> {
  const dir = path.join(benchRoot, name)
  const posts = path.join(dir, 'posts')
  const marker = path.join(dir, 'generated')
  if (!existsSync(marker)) {
    rmSync(posts, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    const started = performance.now()
    await make(posts)
    writeFileSync(marker, `${count}\n`)
    console.log(
      `  made ${name} (${count} posts) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
  }
  return posts
}

/**
 * One ingest by the bundled CLI `cli` (a bin.mjs) in a child process (with
 * `extra` options), timed
 * by /usr/bin/time (wall, CPU, peak RSS). Dirty pages of earlier runs are
 * written out first (`sync`), so the kernel's write-back of 800 MB does not
 * compete with the run measured.
 */
export function ingest(
  cli: string,
  posts: string,
  out: string,
  cache: string,
  extra: string[] = [],
): Run {
  return timed([cli, '-i', posts, '-o', out, '--cache', cache, ...extra])
}

/** The floor (ingest-floor.mjs) on `posts`, writing into `out`, timed like `ingest`. */
export function floor(posts: string, out: string): Run {
  return timed([path.join(import.meta.dirname, 'ingest-floor.mjs'), posts, out])
}

function timed(script: string[]): Run {
  spawnSync('sync')
  const args = [process.execPath, ...script]
  const hasTime = existsSync('/usr/bin/time')
  const started = performance.now()
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', ...args], {
        encoding: 'utf8',
      })
    : spawnSync(args[0], args.slice(1), { encoding: 'utf8' })
  const wall = (performance.now() - started) / 1000
  if (result.status !== 0) {
    throw new Error(`${path.basename(script[0])} failed: ${result.stderr}`)
  }
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr ?? '')
  if (!m) return { wall, user: NaN, sys: NaN, rssMiB: NaN }
  return {
    wall: Number(m[1]),
    user: Number(m[2]),
    sys: Number(m[3]),
    rssMiB: Number(m[4]) / 1024,
  }
}

/** The 1-minute load average, as `uptime` shows it. */
export function loadAverage(): number {
  return loadavg()[0]
}

/** CPU pressure (share of time some task waited for a CPU), if the kernel says. */
export function cpuPressure(): string {
  try {
    const m = /avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))
    return m ? `${m[1]}%` : '?'
  } catch {
    return '?'
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
