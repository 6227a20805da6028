import { spawn } from 'node:child_process'
import path from 'node:path'

/**
 * Serves the built site folder `site` with `vite preview` on `port` and
 * resolves once its manifest answers; the returned function stops it.
 */
export async function servePreview(
  site: string,
  port: number,
): Promise<() => void> {
  const vite = path.resolve('node_modules/.bin/vite')
  const child = spawn(
    vite,
    ['preview', '--outDir', site, '--port', String(port), '--strictPort'],
    { stdio: 'ignore' },
  )
  let exited = false
  child.on('exit', () => (exited = true))
  for (let i = 0; i < 200 && !exited; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/data/manifest.json`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) return () => child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill('SIGTERM')
  throw new Error(`vite preview of ${site} did not start on port ${port}`)
}
