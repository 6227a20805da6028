/**
 * Ingest throughput: `npm run bench:ingest [-- --sizes 10000,100000 --runs 3
 * --floor 10000 --pairs 5 --with-search]`. Not a test. Without
 * `--with-search` every ingest runs with `--no-search`, as issue 14 measures
 * it (`npm run bench:search` has the index's own cost).
 *
 * 1. **Against the floor** (`--floor <count>`, 0 to skip): ingest-floor.mjs,
 *    one thread that reads each post, parses its front matter with `yaml`
 *    and its body once with `parse5` and writes one JSON file per post, the
 *    least work any ingest that parses HTML does. Zixun cold and the floor
 *    alternate pair by pair (order flipped every pair) on the demo corpus,
 *    a real-shaped one (the demo with REAL_SHAPED quirks) and, when
 *    `../shared` is there, one replicated from the 40 shared posts; each
 *    corpus's shape is printed beside the shared posts'. Prints medians,
 *    ranges, the ratio of medians and the median of the pair ratios, with
 *    the load average before each pair.
 * 2. **Sizes** (`--sizes`, e.g. `1000000`): for each demo corpus, `--runs`
 *    cold runs (a new output folder, no cache) and a warm one after each
 *    (unchanged input): wall, CPU, peak RSS (the whole process).
 *
 * Corpora are kept under `.cache/bench/`. Nothing is deleted before or
 * between runs: on this machine's ext4 without a journal, creating files
 * for minutes after many were deleted nearby costs several times more
 * system time (docs/decisions/014). Each run writes to a new folder, this
 * benchmark's folders are kept, and the previous benchmark's are deleted at
 * the end, after the last measurement.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { sharedPaths } from '../shared-data.ts'
import { corpusShape, shapeTable, type CorpusShape } from './corpus-shape.ts'
import {
  benchRoot as root,
  corpus,
  cpuPressure,
  floor,
  ingest,
  loadAverage,
  median,
  replicatedCorpus,
  type Run,
} from './ingest-runs.ts'

const cli = path.resolve(import.meta.dirname, '../ingest/bin.mjs')

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    runs: { type: 'string', default: '3' },
    floor: { type: 'string', default: '10000' },
    pairs: { type: 'string', default: '5' },
    'with-search': { type: 'boolean', default: false },
  },
})
const sizes = values.sizes.split(',').filter(Boolean).map(Number)
const runs = Number(values.runs)
const floorCount = Number(values.floor)
const pairs = Number(values.pairs)
// The figures are without the search index (bench:search measures it).
const extra = values['with-search'] ? [] : ['--no-search']
const runsRoot = path.join(root, 'ingest-runs')
const earlier = existsSync(runsRoot) ? readdirSync(runsRoot) : []
const runsDir = path.join(runsRoot, new Date().toISOString().replace(/:/g, '-'))
const fmt = (x: number, digits = 2) => x.toFixed(digits)
const range = (xs: number[], digits = 2) =>
  `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}`

/** Zixun and the floor on one corpus, alternating. */
function againstFloor(name: string, posts: string) {
  const zixun: Run[] = []
  const base: Run[] = []
  const loads: number[] = []
  for (let pair = 0; pair < pairs; pair++) {
    loads.push(loadAverage())
    const dir = path.join(runsDir, `${name}-${pair + 1}`)
    const runZixun = () =>
      zixun.push(
        ingest(
          cli,
          posts,
          path.join(dir, 'out'),
          path.join(dir, 'cache'),
          extra,
        ),
      )
    const runFloor = () => base.push(floor(posts, path.join(dir, 'floor')))
    if (pair % 2 === 0) [runFloor, runZixun].forEach((run) => run())
    else [runZixun, runFloor].forEach((run) => run())
    const [z, f] = [zixun.at(-1)!, base.at(-1)!]
    console.log(
      `  ${name} pair ${pair + 1}: zixun ${z.wall} s (user ${z.user} s, ${z.rssMiB.toFixed(0)} MiB), floor ${f.wall} s (user ${f.user} s), ratio ${fmt(z.wall / f.wall, 3)}; load ${fmt(loads.at(-1)!)}`,
    )
  }
  const walls = (rs: Run[]) => rs.map((r) => r.wall)
  const ratios = zixun.map((z, i) => z.wall / base[i].wall)
  const users = (rs: Run[]) => median(rs.map((r) => r.user))
  return `| ${name} | ${pairs} | ${fmt(median(walls(zixun)))} s (${range(walls(zixun))}) | ${fmt(median(walls(base)))} s (${range(walls(base))}) | **${fmt(median(walls(zixun)) / median(walls(base)), 3)}** | ${fmt(median(ratios), 3)} (${range(ratios, 3)}) | ${fmt(users(zixun), 1)} s / ${fmt(users(base), 1)} s | ${Math.max(...zixun.map((r) => r.rssMiB)).toFixed(0)} MiB | ${range(loads)} |`
}

async function floorSection(): Promise<string[]> {
  if (floorCount <= 0) return []
  const corpora: Array<[string, string]> = [
    ['demo', await corpus(floorCount)],
    ['real-shaped', await corpus(floorCount, 'real-shaped')],
  ]
  const shared = await replicatedCorpus(floorCount)
  if (shared) corpora.push(['shared ×', shared])
  const shapes: Array<[string, CorpusShape]> = []
  if (existsSync(sharedPaths.posts)) {
    shapes.push(['../shared/corpus', corpusShape(sharedPaths.posts)])
  }
  for (const [name, dir] of corpora) shapes.push([name, corpusShape(dir, 5000)])
  const rows = corpora.map(([name, dir]) => againstFloor(name, dir))
  return [
    `\nCold, ${floorCount.toLocaleString('en-US')} posts, Zixun (both cores) against the floor (one thread), alternating:\n`,
    '| corpus | pairs | Zixun wall (range) | floor wall (range) | ratio of medians | median pair ratio (range) | user CPU Zixun / floor | Zixun peak RSS | load average |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '\nThe corpora (at most 5,000 files spread over each):\n',
    shapeTable(shapes),
  ]
}

function sizeRow(label: string, count: number, rs: Run[]): string {
  const wall = median(rs.map((r) => r.wall))
  const rate = Math.round(count / wall).toLocaleString('en-US')
  const user = fmt(median(rs.map((r) => r.user)), 1)
  const sys = fmt(median(rs.map((r) => r.sys)), 1)
  const rss = Math.max(...rs.map((r) => r.rssMiB)).toFixed(0)
  return `| ${count.toLocaleString('en-US')} | ${label} | ${fmt(wall)} s | ${range(rs.map((r) => r.wall))} s | ${rate} | ${user} s / ${sys} s | ${rss} MiB |`
}

async function sizesSection(): Promise<string[]> {
  const rows: string[] = []
  const pressure: string[] = []
  for (const count of sizes) {
    const posts = await corpus(count)
    const cold: Run[] = []
    const warm: Run[] = []
    for (let i = 0; i < runs; i++) {
      const run = path.join(runsDir, `${count}-${i + 1}`)
      const [out, cache] = [path.join(run, 'out'), path.join(run, 'cache')]
      pressure.push(`${count}: ${cpuPressure()}, load ${fmt(loadAverage())}`)
      cold.push(ingest(cli, posts, out, cache, extra))
      warm.push(ingest(cli, posts, out, cache, extra))
      const [c, w] = [cold.at(-1)!, warm.at(-1)!]
      console.log(
        `  ${count}: cold ${c.wall}s (user ${c.user}s, sys ${c.sys}s, ${c.rssMiB.toFixed(0)} MiB), warm ${w.wall}s (${w.rssMiB.toFixed(0)} MiB)`,
      )
    }
    rows.push(
      sizeRow('cold', count, cold),
      sizeRow('warm (unchanged)', count, warm),
    )
  }
  if (rows.length === 0) return []
  return [
    `\nDemo corpus, medians of ${runs} runs; peak RSS is the largest seen:\n`,
    '| posts | run | wall | wall, all runs | posts/s | CPU user / sys | peak RSS |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `\nCPU pressure (avg60) and load average before each cold run: ${pressure.join('; ')}`,
  ]
}

// The one warm-up: bin.mjs bundles the ingest if its sources changed.
spawnSync(process.execPath, [cli, '--help'], { stdio: 'ignore' })
const lines: string[] = [`bench:ingest, ${new Date().toISOString()}`]
try {
  lines.push(...(await floorSection()), ...(await sizesSection()))
} finally {
  for (const name of earlier) {
    rmSync(path.join(runsRoot, name), { recursive: true, force: true })
  }
}
console.log(lines.join('\n'))
