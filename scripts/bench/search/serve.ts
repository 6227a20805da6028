import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { renderMainConfig } from '../../hosting/nginx-main-config.ts'
import { nginxPrefix } from '../../hosting/serve-nginx-process.ts'

const repo = path.resolve(import.meta.dirname, '../../..')

/**
 * The peer's site behind nginx like ours: gzip at the same level for the
 * same types (Pagefind's own files are gzip inside; nginx sends them as
 * they are), immutable caching for its hashed files.
 */
const PEER_RULES = `gzip on;
gzip_vary on;
gzip_comp_level 5;
gzip_min_length 512;
gzip_types text/css text/plain application/javascript application/json application/wasm application/octet-stream;
types { application/wasm wasm; application/javascript js; text/html html; application/json json; }
location /pagefind/ {
    add_header Cache-Control "public, max-age=31536000, immutable";
    try_files $uri =404;
}
location / {
    add_header Cache-Control "no-cache";
    try_files $uri /index.html;
}
`

/** A site nginx serves for the bench, and what its access log says it sent. */
export type Served = {
  origin: string
  stop: () => Promise<void>
  /** Where the access log ends now (a mark for `requestsSince`). */
  logMark: () => number
  /** The requests answered since `mark`, from nginx's access log. */
  requestsSince: (mark: number) => LoggedRequest[]
}

/** One request nginx answered: its path and the body bytes it sent (compressed, as on the wire). */
export type LoggedRequest = { path: string; status: number; bytes: number }

/** `"GET /path HTTP/1.1" 200 1234` in nginx's default (combined) log format. */
const LOG_LINE = /"[A-Z]+ (\S+) [^"]*" (\d{3}) (\d+)/

/** The requests in a stretch of an access log (a line cut off is left out). */
export function parseAccessLog(text: string): LoggedRequest[] {
  return text
    .split('\n')
    .map((line) => LOG_LINE.exec(line))
    .filter((m) => m !== null)
    .map((m) => ({ path: m[1], status: Number(m[2]), bytes: Number(m[3]) }))
}

/**
 * Serves `root` with Debian's nginx on 127.0.0.1:`port`: with the
 * project's deploy/nginx.conf (`site: 'zixun'`) or the peer's rules.
 */
export async function serveWithNginx(
  root: string,
  port: number,
  site: 'zixun' | 'peer',
): Promise<Served> {
  const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((bin) =>
    existsSync(bin),
  )
  if (!nginx)
    throw new Error('bench:search needs nginx (scripts/ensure-system-deps.sh)')
  const prefix = nginxPrefix(port)
  mkdirSync(path.join(prefix, 'temp'), { recursive: true })
  let include = path.join(repo, 'deploy/nginx.conf')
  if (site === 'peer') {
    include = path.join(prefix, 'peer.conf')
    writeFileSync(include, PEER_RULES)
  }
  const config = path.join(prefix, 'nginx.conf')
  writeFileSync(
    config,
    renderMainConfig({
      port,
      root,
      prefix,
      include,
      runAsRoot: process.getuid?.() === 0,
    }),
  )
  const server = spawn(
    nginx,
    ['-p', prefix, '-c', config, '-e', path.join(prefix, 'error.log')],
    {
      stdio: 'ignore',
    },
  )
  const origin = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) break
    } catch {
      // not up yet
    }
    await sleep(100)
  }
  const log = path.join(prefix, 'access.log')
  const size = () => (existsSync(log) ? statSync(log).size : 0)
  return {
    origin,
    logMark: size,
    requestsSince: (mark) =>
      parseAccessLog(readFileSync(log).subarray(mark).toString('utf8')),
    stop: () =>
      new Promise((resolve) => {
        server.once('exit', () => resolve())
        server.kill('SIGQUIT')
      }),
  }
}
