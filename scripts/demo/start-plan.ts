/** What `npm start` has to do, decided from what is on disk; no I/O here. */

export const DEMO_POSTS_DIR = '.cache/demo-posts'
export const DEMO_IMAGES_DIR = 'public/demo/images'
export const DATA_DIR = 'public/data'
export const PREVIEW_URL = 'http://localhost:4173'

export type StartState = {
  /** `public/data/manifest.json` exists. */
  hasManifest: boolean
  /** `public/demo/images` exists. */
  hasDemoImages: boolean
  /** `--rebuild-data` was given. */
  rebuildData: boolean
}

export type StartStep =
  | { kind: 'demo-corpus'; outDir: string; imagesDir: string }
  | { kind: 'demo-images'; imagesDir: string }
  | { kind: 'run'; label: string; command: 'node' | 'npm'; args: string[] }

/**
 * The steps before serving: demo data when there is none (or when asked),
 * the demo images when they are missing, then always the production build.
 * Data that is already there (the user's own ingest) is never touched.
 */
export function planStart(state: StartState): StartStep[] {
  const steps: StartStep[] = []
  const rebuild = state.rebuildData || !state.hasManifest
  if (rebuild) {
    steps.push({
      kind: 'demo-corpus',
      outDir: DEMO_POSTS_DIR,
      imagesDir: DEMO_IMAGES_DIR,
    })
    steps.push({
      kind: 'run',
      label: 'Ingesting the demo corpus',
      command: 'node',
      args: [
        'scripts/ingest/bin.mjs',
        '--input',
        DEMO_POSTS_DIR,
        '--out',
        DATA_DIR,
      ],
    })
  } else if (!state.hasDemoImages) {
    steps.push({ kind: 'demo-images', imagesDir: DEMO_IMAGES_DIR })
  }
  steps.push({
    kind: 'run',
    label: 'Building for production',
    command: 'npm',
    args: ['run', 'build'],
  })
  return steps
}

/**
 * The last step, which runs until Ctrl-C: vite's own bin under `node`, with
 * no npx or shell in between, so a forwarded signal reaches the server.
 */
export const previewArgs = ['preview', '--port', '4173', '--strictPort']

export type StartOptions = { rebuildData: boolean; help: boolean }

/** Reads `npm start -- [--rebuild-data] [--help]`; throws on anything else. */
export function parseStartArgs(argv: readonly string[]): StartOptions {
  const options: StartOptions = { rebuildData: false, help: false }
  for (const arg of argv) {
    if (arg === '--rebuild-data') options.rebuildData = true
    else if (arg === '--help' || arg === '-h') options.help = true
    else throw new Error(`Unknown option: ${arg}`)
  }
  return options
}
