import { spawnSync, type ChildProcess } from 'node:child_process'
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { e2eDirs } from '../../../scripts/e2e/corpora'
import { generateDemoImages } from '../../../scripts/demo/generate'
import { spawnServeNginx } from '../../../scripts/hosting/serve-nginx-process'
import type { Article } from '../../../src/lib/article-schema'

const root = path.resolve(import.meta.dirname, '../../..')
const bin = (name: string) => path.join(root, 'node_modules/.bin', name)

/** A port nothing listens on now (the OS picks it), to reuse on restarts. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok
  } catch {
    return false
  }
}

async function until(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 20_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * A server the test owns: the site behind deploy/nginx.conf (`npm run
 * serve:nginx`) on a fixed port, stopped for real (no process answers:
 * the service worker's own fetches fail too) and started again there.
 */
export class SiteServer {
  private process: ChildProcess | undefined
  readonly dist: string
  readonly port: number
  readonly origin: string

  constructor(dist: string, port: number) {
    this.dist = dist
    this.port = port
    this.origin = `http://127.0.0.1:${port}`
  }

  async start() {
    this.process = spawnServeNginx({ dist: this.dist, port: this.port })
    await until(() => answers(`${this.origin}/`), `nginx on ${this.port}`)
  }

  async stop() {
    const running = this.process
    this.process = undefined
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
    await until(async () => !(await answers(`${this.origin}/`)), 'nginx stop')
  }

  /** Replaces what the server serves with `dist` (a deployment). */
  async deploy(dist: string) {
    await mkdir(this.dist, { recursive: true })
    for (const name of await readdir(this.dist)) {
      await rm(path.join(this.dist, name), { recursive: true, force: true })
    }
    await cp(dist, this.dist, { recursive: true })
  }
}

/** The demo images on another origin: article images are cross-origin. */
export class ImageServer {
  private server: Server | undefined
  readonly dir: string
  readonly port: number
  readonly origin: string
  /** Image paths requested so far. */
  readonly requests: string[] = []

  constructor(dir: string, port: number) {
    this.dir = dir
    this.port = port
    this.origin = `http://127.0.0.1:${port}`
  }

  async start() {
    this.server = createServer((request, response) => {
      const name = path.basename(request.url ?? '')
      this.requests.push(request.url ?? '')
      readFile(path.join(this.dir, name)).then(
        (svg) => {
          // Never from the HTTP cache: offline, only the worker has them.
          response.writeHead(200, {
            'content-type': 'image/svg+xml',
            'cache-control': 'no-store',
          })
          response.end(svg)
        },
        () => response.writeHead(404).end(),
      )
    })
    const server = this.server
    await new Promise<void>((resolve) =>
      server.listen(this.port, '127.0.0.1', resolve),
    )
  }

  async stop() {
    const server = this.server
    this.server = undefined
    if (!server) return
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`)
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

export type OfflineSite = {
  /** The first deployment (version `offline-1`). */
  v1: string
  /** The same data, other code (version `offline-2`). */
  v2: string
  /** Articles as the ingest wrote them. */
  articles: Article[]
  imagesDir: string
}

/**
 * Builds the e2e demo corpus twice for the offline journeys, with its
 * images moved to `imageOrigin` (so they are cross-origin and opaque, as
 * hotlinked news images are): posts → ingest → `vite build` as version
 * `offline-1` and as `offline-2` (an update: new code, same data).
 */
export async function buildOfflineSite(
  work: string,
  imageOrigin: string,
): Promise<OfflineSite> {
  const posts = path.join(work, 'posts')
  const data = path.join(work, 'data')
  await rm(work, { recursive: true, force: true })
  await cp(e2eDirs('demo').posts, posts, { recursive: true })
  for (const file of await filesUnder(posts)) {
    const text = await readFile(file, 'utf8')
    const moved = text.replaceAll(
      '/demo/images/',
      `${imageOrigin}/demo/images/`,
    )
    if (moved !== text) await writeFile(file, moved)
  }
  run(process.execPath, [
    'scripts/ingest/bin.mjs',
    ...['--input', posts, '--out', data],
  ])
  const site = { v1: path.join(work, 'v1'), v2: path.join(work, 'v2') }
  for (const [version, dist] of Object.entries(site)) {
    run(bin('vite'), ['build', '--outDir', dist, '--emptyOutDir'], {
      ZIXUN_DATA_DIR: data,
      ZIXUN_APP_VERSION: `offline-${version.slice(1)}`,
    })
  }
  const imagesDir = path.join(work, 'images')
  await mkdir(imagesDir, { recursive: true })
  await generateDemoImages(imagesDir)
  const articleDir = path.join(data, 'articles')
  const articles = await Promise.all(
    (await readdir(articleDir)).map(
      async (name) =>
        JSON.parse(
          await readFile(path.join(articleDir, name), 'utf8'),
        ) as Article,
    ),
  )
  return { ...site, articles, imagesDir }
}
