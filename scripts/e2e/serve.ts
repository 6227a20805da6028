/**
 * Builds the reader with the shared corpus as its data and serves the
 * production build for Playwright: ingest → vite build → vite preview.
 * Usage: tsx scripts/e2e/serve.ts [--port 4174]
 */
import { spawnSync, spawn } from 'node:child_process'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { e2eDirs } from './dirs'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4174' } },
})

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

const tsx = path.resolve('node_modules/.bin/tsx')
const vite = path.resolve('node_modules/.bin/vite')

run(tsx, [
  'scripts/ingest/cli.ts',
  ...e2eDirs.inputs.flatMap((i) => ['--input', i]),
  '--out',
  e2eDirs.data,
])
run(vite, ['build', '--outDir', e2eDirs.dist, '--emptyOutDir'], {
  ZIXUN_DATA_DIR: e2eDirs.data,
})
const preview = spawn(
  vite,
  ['preview', '--outDir', e2eDirs.dist, '--port', values.port, '--strictPort'],
  { stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => preview.kill(signal))
}
preview.on('exit', (code) => process.exit(code ?? 0))
