/**
 * `npm run bench:offline`: what the service worker costs and saves.
 * - the precache: files, bytes and gzip bytes (gzip -6, as nginx sends them);
 * - what a repeat visit of `/` downloads from the server when nothing
 *   changed — by the server's own access log, so the worker's fetches
 *   count too — after a cold first visit and a browser restart with the
 *   same profile, with the worker and (for comparison) without it.
 * Builds the e2e demo corpus and serves it behind deploy/nginx.conf.
 * Usage: tsx scripts/bench/offline.ts [--runs 3]
 *        (port: BENCH_NGINX_PORT or E2E_NGINX_PORT, else 4179)
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { nginxPrefix, spawnServeNginx } from '../hosting/serve-nginx-process.ts'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../chromium.ts'
import { addDemoImages, prepareE2eCorpus } from '../e2e/corpora.ts'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    verbose: { type: 'boolean', default: false },
  },
})
const runs = Number(values.runs)
const root = path.resolve(import.meta.dirname, '../..')

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) throw new Error(`${command} failed`)
}

async function precacheSize(dist: string) {
  const sw = await readFile(path.join(dist, 'sw.js'), 'utf8')
  const list = /\[\{[^\]]*"revision"[^\]]*\]/.exec(sw)
  if (!list) throw new Error('sw.js has no precache list')
  const urls = (JSON.parse(list[0]) as Array<{ url: string }>).map((e) => e.url)
  let bytes = 0
  let gzip = 0
  for (const url of urls) {
    const body = await readFile(path.join(dist, url))
    bytes += body.length
    gzip += gzipSync(body, { level: 6 }).length
  }
  const swGzip = gzipSync(Buffer.from(sw), { level: 6 }).length
  return { files: urls.length, bytes, gzip, swGzip }
}

type Hit = { path: string; status: number; bytes: number }

/** The requests nginx logged after byte `from` of its access log. */
async function logged(log: string, from: number): Promise<Hit[]> {
  const text = (await readFile(log, 'utf8')).slice(from)
  const hits: Hit[] = []
  for (const line of text.split('\n')) {
    const match = /"(?:GET|HEAD) (\S+) [^"]*" (\d{3}) (\d+)/.exec(line)
    if (match) {
      hits.push({
        path: match[1],
        status: Number(match[2]),
        bytes: Number(match[3]),
      })
    }
  }
  return hits
}

type Part = 'shell' | 'data' | 'images'

/** What a request was for: the app's code and shell, its data, article images. */
function partOf(hit: Hit): Part {
  if (hit.path.startsWith('/data/')) return 'data'
  if (hit.path.startsWith('/demo/')) return 'images'
  return 'shell'
}

async function visit(origin: string, profile: string, worker: boolean) {
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(),
    serviceWorkers: worker ? 'allow' : 'block',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${origin}/`)
  await page.getByRole('article').first().waitFor()
  if (worker) {
    await page.waitForFunction(() => !!navigator.serviceWorker.controller)
    // The precache is complete once the worker is active; the update
    // check (sw.js revalidated) is counted, not left to after the close.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready
      await registration.update()
    })
  }
  await page.waitForLoadState('load')
  await context.close()
}

const sum = (hits: Hit[]) => hits.reduce((total, hit) => total + hit.bytes, 0)

async function repeatVisit(origin: string, log: string, worker: boolean) {
  const profile = await mkdtemp(path.join(tmpdir(), 'zixun-bench-profile-'))
  try {
    await visit(origin, profile, worker)
    const from = (await stat(log)).size
    await visit(origin, profile, worker)
    const hits = await logged(log, from)
    if (values.verbose) {
      console.log(worker ? 'with the worker:' : 'without:')
      for (const hit of hits)
        console.log(`  ${hit.status} ${hit.bytes} ${hit.path}`)
    }
    const part = (name: Part) => hits.filter((hit) => partOf(hit) === name)
    return {
      shell: sum(part('shell')),
      shellRequests: part('shell').length,
      data: sum(part('data')),
      dataRequests: part('data').length,
      images: sum(part('images')),
      imageRequests: part('images').length,
    }
  } finally {
    await rm(profile, { recursive: true, force: true })
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const work = await mkdtemp(path.join(tmpdir(), 'zixun-bench-offline-'))
// The helper's own nginx port (not one of the e2e's shared ones).
const port = Number(
  process.env.BENCH_NGINX_PORT ?? process.env.E2E_NGINX_PORT ?? 4179,
)
const server = spawnServeNginx({ dist: path.join(work, 'dist'), port })
try {
  const [posts] = await prepareE2eCorpus('demo')
  run(process.execPath, [
    'scripts/ingest/bin.mjs',
    '--input',
    posts,
    '--out',
    path.join(work, 'data'),
  ])
  run(
    path.join(root, 'node_modules/.bin/vite'),
    [
      'build',
      '--outDir',
      path.join(work, 'dist'),
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      ZIXUN_DATA_DIR: path.join(work, 'data'),
    },
  )
  await addDemoImages(path.join(work, 'dist'))
  const precache = await precacheSize(path.join(work, 'dist'))
  const origin = `http://127.0.0.1:${port}`
  const log = path.join(nginxPrefix(port), 'access.log')
  for (
    let i = 0;
    i < 100 &&
    !(await fetch(origin).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const results = {
    worker: [] as Awaited<ReturnType<typeof repeatVisit>>[],
    none: [] as Awaited<ReturnType<typeof repeatVisit>>[],
  }
  for (let i = 0; i < runs; i++) {
    // Alternating, so both see the same load on the machine.
    results.worker.push(await repeatVisit(origin, log, true))
    results.none.push(await repeatVisit(origin, log, false))
  }
  type Visit = (typeof results.worker)[number]
  const cell = (r: Visit[], bytes: keyof Visit, requests: keyof Visit) =>
    `${kb(median(r.map((x) => x[bytes])))} (${median(r.map((x) => x[requests]))} requests)`
  const row = (name: string, r: typeof results.worker) =>
    `| ${name} | ${cell(r, 'shell', 'shellRequests')} | ${cell(r, 'data', 'dataRequests')} | ${cell(r, 'images', 'imageRequests')} |`
  console.log(`
Precache: ${precache.files} files, ${kb(precache.bytes)} (${kb(precache.gzip)} gzip); sw.js itself ${kb(precache.swGzip)} gzip

Repeat visit of / after a browser restart, nothing changed (body bytes the server sent, by its access log; median of ${runs}):

| | shell (HTML, JS, CSS, icons, sw.js) | data | images |
| --- | --- | --- | --- |
${row('with the service worker', results.worker)}
${row('without (HTTP cache only)', results.none)}
`)
} finally {
  server.kill('SIGTERM')
  await rm(work, { recursive: true, force: true })
}
