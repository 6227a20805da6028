import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const repo = path.resolve(import.meta.dirname, '../..')

/** Where the local nginx on `port` keeps its config, pid, logs and temp files. */
export function nginxPrefix(port: number): string {
  return path.join(repo, '.cache/nginx', String(port))
}

export type ServeNginxOptions = {
  dist: string
  port: number
  /** Another site's rules instead of deploy/nginx.conf. */
  include?: string
}

/**
 * `npm run serve:nginx` as a child process, for the benchmarks and the
 * tests that start and stop a server of their own. Node runs the script
 * itself, with tsx as a loader: through tsx's wrapper process a stop
 * signal did not always reach the script, which is what stops nginx, and
 * an nginx was left listening with no parent.
 */
export function spawnServeNginx(
  options: ServeNginxOptions,
  stdio: StdioOptions = 'ignore',
): ChildProcess {
  const args = [
    '--import',
    'tsx',
    'scripts/hosting/serve-nginx.ts',
    ...['--dist', options.dist, '--port', String(options.port)],
    ...(options.include ? ['--include', options.include] : []),
  ]
  return spawn(process.execPath, args, { cwd: repo, stdio })
}

/**
 * Resolves once `url` answers with a success (10 s at most); fails at
 * once when `server` (a `spawnServeNginx` child) has exited instead.
 */
export async function untilAnswering(
  url: string,
  server: ChildProcess,
): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    if (server.exitCode !== null) break
    await sleep(100)
  }
  throw new Error(`serve:nginx: nothing answers at ${url}`)
}
