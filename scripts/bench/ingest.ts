/**
 * Ingest throughput: `npm run bench:ingest [-- --sizes 10000,100000 --runs 3]`.
 * Not a test. Corpora come from the demo generator and are kept under
 * `.cache/bench/ingest-<count>/posts`; each run ingests into a new folder
 * (cold: no cache, every file written), then once more on the unchanged
 * input (warm: nothing rewritten). Prints medians as a Markdown table.
 *
 * Nothing is deleted before or between runs: on this machine's ext4
 * without a journal, creating files for minutes after many were deleted
 * nearby costs several times more system time (the kernel skips recently
 * freed inodes one by one), which would measure the benchmark's own
 * clean-up rather than the ingest (docs/decisions/014). So each run writes
 * to a new folder, this run's folders are kept, and the previous
 * benchmark's are deleted at the end, after the last measurement.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import {
  benchRoot as root,
  corpus,
  cpuPressure,
  ingest,
  median,
  type Run,
} from './ingest-runs.ts'

const cli = path.resolve(import.meta.dirname, '../ingest/bin.mjs')

async function bench(count: number, runs: number) {
  const posts = await corpus(count)
  const cold: Run[] = []
  const warm: Run[] = []
  const pressure: string[] = []
  for (let i = 0; i < runs; i++) {
    const run = path.join(runsDir, `${count}-${i + 1}`)
    const [out, cache] = [path.join(run, 'out'), path.join(run, 'cache')]
    pressure.push(cpuPressure())
    cold.push(ingest(cli, posts, out, cache))
    warm.push(ingest(cli, posts, out, cache))
    const [c, w] = [cold.at(-1)!, warm.at(-1)!]
    console.log(
      `  ${count}: cold ${c.wall}s (user ${c.user}s, sys ${c.sys}s, ${c.rssMiB.toFixed(0)} MiB), warm ${w.wall}s`,
    )
  }
  return { count, cold, warm, pressure }
}

function row(label: string, count: number, runs: Run[]): string {
  const wall = median(runs.map((r) => r.wall))
  const user = median(runs.map((r) => r.user))
  const sys = median(runs.map((r) => r.sys))
  const rss = Math.max(...runs.map((r) => r.rssMiB))
  const rate = Math.round(count / wall).toLocaleString('en-US')
  const walls = runs.map((r) => r.wall)
  const range = `${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)} s`
  return `| ${count.toLocaleString('en-US')} | ${label} | ${wall.toFixed(2)} s | ${range} | ${rate} | ${user.toFixed(1)} s / ${sys.toFixed(1)} s | ${rss.toFixed(0)} MiB |`
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    runs: { type: 'string', default: '3' },
  },
})
const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)
const runsRoot = path.join(root, 'ingest-runs')
const earlier = existsSync(runsRoot) ? readdirSync(runsRoot) : []
const runsDir = path.join(runsRoot, new Date().toISOString().replace(/:/g, '-'))
// The one warm-up: bin.mjs bundles the ingest if its sources changed.
spawnSync(process.execPath, [cli, '--help'], { stdio: 'ignore' })
const results = []
try {
  for (const size of sizes) results.push(await bench(size, runs))
} finally {
  for (const name of earlier) {
    rmSync(path.join(runsRoot, name), { recursive: true, force: true })
  }
}
console.log(`\nMedians of ${runs} runs; peak RSS is the largest seen.\n`)
console.log(
  '| posts | run | wall | wall, all runs | posts/s | CPU user / sys | peak RSS |',
)
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |')
for (const r of results) {
  console.log(row('cold', r.count, r.cold))
  console.log(row('warm (unchanged)', r.count, r.warm))
}
console.log(
  `\nCPU pressure (avg60) before each cold run: ${results.map((r) => `${r.count}: ${r.pressure.join(', ')}`).join('; ')}`,
)
