import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { generateDemoCorpus } from '../demo/generate.ts'

/** Where ingest benchmarks keep corpora and run folders. */
export const benchRoot = path.resolve(import.meta.dirname, '../../.cache/bench')

/** One timed ingest: wall and CPU seconds, peak RSS of the whole process. */
export type Run = { wall: number; user: number; sys: number; rssMiB: number }

/**
 * The demo corpus of `count` posts (seed `zixun`) under
 * `.cache/bench/ingest-<count>/posts`, generated once.
 */
export async function corpus(count: number): Promise<string> {
  const dir = path.join(benchRoot, `ingest-${count}`)
  const posts = path.join(dir, 'posts')
  const marker = path.join(dir, 'generated')
  if (!existsSync(marker)) {
    await mkdir(dir, { recursive: true })
    const started = performance.now()
    await generateDemoCorpus({ count, outDir: posts })
    writeFileSync(marker, `${count}\n`)
    console.log(
      `  generated ${count} posts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
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
  spawnSync('sync')
  const args = [
    process.execPath,
    cli,
    '-i',
    posts,
    '-o',
    out,
    '--cache',
    cache,
    ...extra,
  ]
  const timed = existsSync('/usr/bin/time')
  const started = performance.now()
  const result = timed
    ? spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', ...args], {
        encoding: 'utf8',
      })
    : spawnSync(args[0], args.slice(1), { encoding: 'utf8' })
  const wall = (performance.now() - started) / 1000
  if (result.status !== 0) throw new Error(`ingest failed: ${result.stderr}`)
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr ?? '')
  if (!m) return { wall, user: NaN, sys: NaN, rssMiB: NaN }
  return {
    wall: Number(m[1]),
    user: Number(m[2]),
    sys: Number(m[3]),
    rssMiB: Number(m[4]) / 1024,
  }
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
