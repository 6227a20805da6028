/**
 * Builds the reader on an e2e corpus (corpora.ts) and serves the production
 * build for Playwright: posts → ingest → vite build → vite preview.
 * Usage: tsx scripts/e2e/serve.ts [--corpus demo|shared] [--port 4174]
 * The XSS build reuses `buildAndServe` with its own folders (serve-xss.ts).
 */
import { spawnSync, spawn } from 'node:child_process'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { addDemoImages, e2eDirs, prepareE2eCorpus } from './corpora.ts'
import type { E2eCorpus } from './corpora.ts'

export type ServeOptions = {
  /** Folders of posts for the ingest. */
  inputs: string[]
  /** Where the ingest writes the data (ZIXUN_DATA_DIR of the build). */
  data: string
  /** Where vite builds the app. */
  dist: string
  port: string
  /** Runs after the build, before serving (files to add to `dist`). */
  afterBuild?: (dist: string) => Promise<void>
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
export async function buildAndServe(options: ServeOptions) {
  const { inputs, data, dist, port } = options
  run(process.execPath, [
    'scripts/ingest/bin.mjs',
    ...inputs.flatMap((i) => ['--input', i]),
    '--out',
    data,
  ])
  run(vite, ['build', '--outDir', dist, '--emptyOutDir'], {
    ZIXUN_DATA_DIR: data,
  })
  await options.afterBuild?.(dist)
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
    options: {
      port: { type: 'string', default: '4174' },
      corpus: { type: 'string', default: 'demo' },
    },
  })
  if (values.corpus !== 'demo' && values.corpus !== 'shared') {
    console.error(`e2e: --corpus is demo or shared, not ${values.corpus}`)
    process.exit(1)
  }
  const corpus: E2eCorpus = values.corpus
  const { data, dist } = e2eDirs(corpus)
  await buildAndServe({
    inputs: await prepareE2eCorpus(corpus),
    data,
    dist,
    port: values.port,
    ...(corpus === 'demo' ? { afterBuild: addDemoImages } : {}),
  })
}
