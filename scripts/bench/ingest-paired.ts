/**
 * This checkout's ingest against another one, in alternating pairs:
 * `npm run bench:ingest-paired -- --base <checkout> [--count 10000 --pairs 5]`.
 * Not a test. `<checkout>` is another copy of the repository with its own
 * node_modules (e.g. `git archive <commit> | tar -x -C /tmp/base`, then
 * `npm ci` there); its `scripts/ingest/bin.mjs` is run as is. Both ingest
 * the same demo corpus cold (a new output folder, no cache), the order
 * flipping every pair, so drift of a shared machine hits both alike.
 * Prints each run, then medians, ranges and the ratio this/base, with the
 * median of the per-pair ratios. Like bench:ingest, nothing is deleted
 * until the last run (decision 014): the previous series' folders go then.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import {
  benchRoot,
  corpus,
  cpuPressure,
  ingest,
  median,
  type Run,
} from './ingest-runs.ts'

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    count: { type: 'string', default: '10000' },
    pairs: { type: 'string', default: '5' },
  },
})
if (!values.base) {
  console.error('bench:ingest-paired: --base <other checkout> is required')
  process.exit(2)
}
const sides = {
  base: path.resolve(values.base, 'scripts/ingest/bin.mjs'),
  this: path.resolve(import.meta.dirname, '../ingest/bin.mjs'),
}
const count = Number(values.count)
const pairs = Number(values.pairs)
const runsRoot = path.join(benchRoot, 'paired-runs')
const earlier = existsSync(runsRoot) ? readdirSync(runsRoot) : []
const runsDir = path.join(runsRoot, new Date().toISOString().replace(/:/g, '-'))

// Warm-up: each bin.mjs bundles its sources if they changed.
for (const cli of Object.values(sides)) {
  spawnSync(process.execPath, [cli, '--help'], { stdio: 'ignore' })
}
const posts = await corpus(count)
const runs: Record<keyof typeof sides, Run[]> = { base: [], this: [] }
try {
  for (let pair = 0; pair < pairs; pair++) {
    const order =
      pair % 2 === 0 ? (['base', 'this'] as const) : (['this', 'base'] as const)
    for (const side of order) {
      const dir = path.join(runsDir, `${side}-${pair + 1}`)
      const pressure = cpuPressure()
      const run = ingest(
        sides[side],
        posts,
        path.join(dir, 'out'),
        path.join(dir, 'cache'),
      )
      runs[side].push(run)
      console.log(
        `  pair ${pair + 1} ${side}: ${run.wall.toFixed(2)} s (user ${run.user} s, sys ${run.sys} s, ${run.rssMiB.toFixed(0)} MiB; CPU pressure ${pressure})`,
      )
    }
  }
} finally {
  for (const name of earlier) {
    rmSync(path.join(runsRoot, name), { recursive: true, force: true })
  }
}

const walls = (side: keyof typeof sides) => runs[side].map((r) => r.wall)
const summary = (side: keyof typeof sides) => {
  const w = walls(side)
  const rss = runs[side].map((r) => r.rssMiB)
  return `${median(w).toFixed(2)} s (${Math.min(...w).toFixed(2)}–${Math.max(...w).toFixed(2)}), user ${median(runs[side].map((r) => r.user)).toFixed(1)} s, peak RSS ${median(rss).toFixed(0)} MiB (max ${Math.max(...rss).toFixed(0)})`
}
const ratios = walls('this').map((w, i) => w / walls('base')[i])
console.log(
  `\n${count.toLocaleString('en-US')} posts cold, ${pairs} pairs (medians, ranges):`,
)
console.log(`  base: ${summary('base')}`)
console.log(`  this: ${summary('this')}`)
console.log(
  `  this/base: ${(median(walls('this')) / median(walls('base'))).toFixed(3)} (median of pair ratios ${median(ratios).toFixed(3)}, range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
)
