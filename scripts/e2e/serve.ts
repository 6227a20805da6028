/**
 * Builds the reader with the shared corpus as its data and serves the
 * production build for Playwright: ingest → vite build → vite preview.
 * Usage: tsx scripts/e2e/serve.ts [--port 4174]
 * Other corpora reuse `buildAndServe` with their own folders (serve-xss.ts).
 */
import { spawnSync, spawn } from 'node:child_process'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { e2eDirs } from './dirs'

export type ServeOptions = {
  /** Folders of posts for the ingest. */
  inputs: string[]
  /** Where the ingest writes the data (ZIXUN_DATA_DIR of the build). */
  data: string
  /** Where vite builds the app. */
  dist: string
  port: string
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) {
    console.error(`e2e: ${command} ${args.join(' ')} failed (${result.status})`)
    process.exit(1)
  }
}

const vite = path.resolve('node_modules/.bin/vite')

/** Ingests `inputs`, builds the app on that data and serves it until killed. */
export function buildAndServe({ inputs, data, dist, port }: ServeOptions) {
  run(process.execPath, [
    'scripts/ingest/bin.mjs',
    ...inputs.flatMap((i) => ['--input', i]),
    '--out',
    data,
  ])
  run(vite, ['build', '--outDir', dist, '--emptyOutDir'], {
    ZIXUN_DATA_DIR: data,
  })
  const preview = spawn(
    vite,
    ['preview', '--outDir', dist, '--port', port, '--strictPort'],
    { stdio: 'inherit' },
  )
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => preview.kill(signal))
  }
  preview.on('exit', (code) => process.exit(code ?? 0))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4174' } },
  })
  buildAndServe({ ...e2eDirs, port: values.port })
}
