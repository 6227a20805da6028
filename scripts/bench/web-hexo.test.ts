import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadsBrotli } from '../hosting/nginx-main-config.ts'
import {
  spawnServeNginx,
  untilAnswering,
} from '../hosting/serve-nginx-process.ts'
import { staticSiteNginx } from './web-hexo.ts'

const PORT = 4496
const origin = `http://127.0.0.1:${PORT}`
let dir = ''
let server: ReturnType<typeof spawnServeNginx> | undefined

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'zixun-static-site-'))
  // serve:nginx waits for an index.html, as a build has one.
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><p>blog</p>')
  await writeFile(path.join(dir, 'main.css'), 'a { color: red }\n'.repeat(800))
  const snippet = path.join(dir, 'site.conf')
  await writeFile(snippet, staticSiteNginx(loadsBrotli()))
  server = spawnServeNginx({ dist: dir, port: PORT, include: snippet })
  await untilAnswering(`${origin}/main.css`, server)
})

afterAll(async () => {
  // serve:nginx stops nginx on SIGTERM; the port is free once it has exited.
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
  await rm(dir, { recursive: true, force: true })
})

// The peer of bench:web is served as a blog host serves it: gzip on the
// fly, whether or not the host loads ngx_brotli for Zixun's .br files.
test('the static site is sent gzip to a browser that also accepts br', async () => {
  const response = await fetch(`${origin}/main.css`, {
    headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
  })
  expect(response.headers.get('content-encoding')).toBe('gzip')
  await response.arrayBuffer()
})
