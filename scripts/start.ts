import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import process from 'node:process'
import { generateDemoCorpus, generateDemoImages } from './demo/generate.ts'
import {
  DATA_DIR,
  DEMO_IMAGES_DIR,
  PREVIEW_URL,
  parseStartArgs,
  planStart,
  previewArgs,
} from './demo/start-plan.ts'
import type { StartStep } from './demo/start-plan.ts'

const usage = `
  Usage
    $ npm start [-- --rebuild-data]

  Builds the reader and serves it at ${PREVIEW_URL}. When ${DATA_DIR} has no
  manifest.json, it first generates the demo corpus and ingests it.

  Options
    --rebuild-data  regenerate and re-ingest the demo corpus even if data exists
`

let options
try {
  options = parseStartArgs(process.argv.slice(2))
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`)
  process.exit(1)
}
if (options.help) {
  console.log(usage)
  process.exit(0)
}

const steps = planStart({
  hasManifest: existsSync(path.join(DATA_DIR, 'manifest.json')),
  hasDemoImages: existsSync(DEMO_IMAGES_DIR),
  rebuildData: options.rebuildData,
})
for (const step of steps) {
  const code = await runStep(step)
  if (code !== 0) process.exit(code)
}
console.log(`\n  Zixun is starting at ${PREVIEW_URL}  (Ctrl-C to stop)\n`)
const viteBin = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
  'bin/vite.js',
)
process.exitCode = await spawnForwarding(process.execPath, [
  viteBin,
  ...previewArgs,
])

// --- internal ---

async function runStep(step: StartStep): Promise<number> {
  if (step.kind === 'demo-corpus') {
    console.log(`\n> Generating the demo corpus in ${step.outDir}`)
    const result = await generateDemoCorpus(step)
    console.log(`  ${result.posts} posts, ${result.images} images`)
    return 0
  }
  if (step.kind === 'demo-images') {
    console.log(`\n> Generating the demo images in ${step.imagesDir}`)
    await generateDemoImages(step.imagesDir)
    return 0
  }
  console.log(`\n> ${step.label}: ${step.command} ${step.args.join(' ')}`)
  return spawnForwarding(step.command, step.args)
}

/** Runs a command in the foreground, passing Ctrl-C and kill on to it. */
function spawnForwarding(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      // npm and npx are .cmd files on Windows, which need a shell.
      shell: process.platform === 'win32' && command !== process.execPath,
    })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`)
      resolve(1)
    })
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1))
    })
  })
}
