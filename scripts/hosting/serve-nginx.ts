/**
 * Serves a build with Debian's nginx and deploy/nginx.conf, in the
 * foreground, on 127.0.0.1. Everything nginx writes (pid, logs, temp
 * files, the main config) goes to .cache/nginx/<port>/; /etc/nginx is
 * only read (mime.types).
 *
 * Usage: tsx scripts/hosting/serve-nginx.ts [--port 4175] [--dist dist]
 *        [--wait 240]   seconds to wait for <dist>/index.html to appear
 *        [--include deploy/nginx.conf]   the server-level rules (another
 *                       site's, for a benchmark: a plain static blog)
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { renderMainConfig } from './nginx-main-config.ts'
import { nginxPrefix } from './serve-nginx-process.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4175' },
    dist: { type: 'string', default: 'dist' },
    wait: { type: 'string', default: '240' },
    include: { type: 'string' },
  },
})

const repo = path.resolve(import.meta.dirname, '../..')
const port = Number(values.port)
const dist = path.resolve(values.dist)
const nginx =
  process.env.NGINX_BIN ??
  ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((bin) => existsSync(bin))
if (!nginx) {
  console.error('serve:nginx: no nginx; run scripts/ensure-system-deps.sh')
  process.exit(1)
}

// The build may still be running (the e2e builds it for vite preview).
const deadline = Date.now() + Number(values.wait) * 1000
while (!existsSync(path.join(dist, 'index.html'))) {
  if (Date.now() > deadline) {
    console.error(`serve:nginx: no build at ${dist} (run npm run build)`)
    process.exit(1)
  }
  await sleep(250)
}

const prefix = nginxPrefix(port)
mkdirSync(path.join(prefix, 'temp'), { recursive: true })
const config = path.join(prefix, 'nginx.conf')
writeFileSync(
  config,
  renderMainConfig({
    port,
    root: dist,
    prefix,
    include: path.resolve(
      values.include ?? path.join(repo, 'deploy/nginx.conf'),
    ),
    runAsRoot: process.getuid?.() === 0,
  }),
)

const server = spawn(
  nginx,
  ['-p', prefix, '-c', config, '-e', path.join(prefix, 'error.log')],
  { stdio: 'inherit' },
)
console.log(`serve:nginx: http://127.0.0.1:${port}/ → ${dist}`)
// Stopping means stopping now: nginx's fast shutdown (TERM), not the
// graceful one (QUIT), which waits for open requests without a time limit.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill('SIGTERM'))
}
server.on('exit', (code) => process.exit(code ?? 0))
