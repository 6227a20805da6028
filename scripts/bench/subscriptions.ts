/**
 * `npm run bench:subscriptions`: 500 feeds on local servers over five
 * loopback hosts (127.0.0.2–6), every answer delayed 100–300 ms (fixed
 * per feed), 20 items each. Runs the real CLI (bin.mjs) in a child
 * process: a cold run (empty history, empty output), then a warm one
 * (every feed answers 304), RUNS times each; prints wall time, the fetch
 * phase and peak memory (the child's maxRSS, worker threads included) as
 * medians with ranges. `--per-host N` changes the per-host limit (default:
 * the CLI's, 2).
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { FeedServer, serve } from '../ingest/testing/feed-server.ts'
import { makeItems, rssFeed } from '../ingest/testing/feed-texts.ts'

const { values } = parseArgs({
  options: {
    feeds: { type: 'string', default: '500' },
    hosts: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    'per-host': { type: 'string' },
  },
})
const FEEDS = Number(values.feeds)
const HOSTS = Number(values.hosts)
const RUNS = Number(values.runs)

/** 100–300 ms, the same for a path every time. */
function latency(path: string): number {
  let h = 0
  for (const c of path) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return 100 + (h % 201)
}

const servers = await Promise.all(
  Array.from({ length: HOSTS }, (_, i) =>
    FeedServer.start(`127.0.0.${i + 2}`, latency),
  ),
)
const urls: string[] = []
for (let f = 0; f < FEEDS; f++) {
  const server = servers[f % HOSTS]
  const site = `https://site-${f}.example/`
  const text = rssFeed(`Feed ${f}`, site, makeItems(`f${f}`, 20, site))
  urls.push(
    server.route(
      `/feeds/${f}.rss`,
      serve({ text, type: 'application/rss+xml' }),
    ),
  )
}

type Sample = { wallMs: number; fetchMs: number; peakMiB: number; line: string }

/** Runs the CLI without blocking this process: its servers must answer meanwhile. */
function run(
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d))
    child.stderr.on('data', (d: Buffer) => (stderr += d))
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

async function ingest(dir: string): Promise<Sample> {
  const args = [
    'scripts/ingest/bin.mjs',
    '--subscriptions',
    join(dir, 'feeds.opml'),
    '--out',
    join(dir, 'out'),
    '--cache',
    join(dir, 'cache'),
    '--allow-private-urls',
    '--timings',
    ...(values['per-host'] ? ['--per-host', values['per-host']] : []),
  ]
  const started = performance.now()
  const child = await run(args)
  const wallMs = performance.now() - started
  if (child.status !== 0)
    throw new Error(`ingest failed (${child.status}): ${child.stderr}`)
  const timings = /Phases: fetch ([\d,]+) ms.*peak memory (\d+) MiB/.exec(
    child.stdout,
  )
  if (!timings) throw new Error(`no timings in: ${child.stdout}`)
  const feedsLine =
    child.stdout.split('\n').find((l) => l.startsWith('Feeds:')) ?? ''
  return {
    wallMs,
    fetchMs: Number(timings[1].replace(/,/g, '')),
    peakMiB: Number(timings[2]),
    line: feedsLine,
  }
}

function summary(samples: number[], unit: string): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]
  const fmt = (n: number) =>
    unit === 's' ? (n / 1000).toFixed(2) : String(Math.round(n))
  return `${fmt(median)} ${unit} (${fmt(sorted[0])}–${fmt(sorted.at(-1)!)})`
}

const cold: Sample[] = []
const warm: Sample[] = []
// Prime the bundle so no run pays for building it.
spawnSync(process.execPath, ['scripts/ingest/bin.mjs', '--help'])
for (let r = 0; r < RUNS; r++) {
  const dir = mkdtempSync(join(tmpdir(), 'zixun-bench-subscriptions-'))
  const outlines = urls.map(
    (url, i) => `<outline type="rss" text="Feed ${i}" xmlUrl="${url}"/>`,
  )
  writeFileSync(
    join(dir, 'feeds.opml'),
    `<opml version="2.0"><body><outline text="Bench">${outlines.join('')}</outline></body></opml>`,
  )
  try {
    cold.push(await ingest(dir))
    warm.push(await ingest(dir))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
await Promise.all(servers.map((s) => s.close()))

const perHost = values['per-host'] ?? '2 (default)'
console.log(
  `\n${FEEDS} feeds × 20 items on ${HOSTS} loopback hosts, 100–300 ms per answer, per host ${perHost}, ${RUNS} runs each\n`,
)
console.log('| run | wall | fetch phase | peak memory | feeds |')
console.log('| --- | --- | --- | --- | --- |')
for (const [name, samples] of [
  ['cold (empty history)', cold],
  ['warm (all 304)', warm],
] as const) {
  console.log(
    `| ${name} | ${summary(
      samples.map((s) => s.wallMs),
      's',
    )} | ${summary(
      samples.map((s) => s.fetchMs),
      's',
    )} | ${summary(
      samples.map((s) => s.peakMiB),
      'MiB',
    )} | ${samples[0].line.replace(/^Feeds: /, '')} |`,
  )
}
