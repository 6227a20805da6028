import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { IngestError, main, type MainResult } from './main.ts'
import { createProgress, type Progress } from './run/progress.ts'
import { healthLines } from './run/subscriptions/health-table.ts'
import {
  SUBSCRIBE_ARGS,
  SUBSCRIBE_USAGE,
  imageOptionsFrom,
  subscribeOptionsFrom,
} from './run/subscriptions/subscribe-args.ts'

export const usage = `
  Usage
    $ npm run ingest -- --input <path> [--input <path>...] [options]
    $ npm run ingest -- --subscriptions feeds.opml [--input <path>] [options]
    $ npm run ingest -- --export-opml <file> [--subscriptions feeds.opml]

  Reads posts (.md .markdown .html .htm, with YAML, TOML or JSON front
  matter; .txt too when it starts with front matter) and feeds (JSON Feed,
  RSS 2.0, Atom) and writes the reader's static data. Folders are walked
  recursively; every other file in them is listed as skipped in the report
  (hidden files and node_modules are passed over).

  Options
    --input, -i <path>   A folder or file to read (repeatable; required
                         unless --subscriptions is given)
    --out, -o <dir>      Output folder (default: public/data)
    --timezone <zone>    IANA zone for dates written without one (default: UTC)
    --strict             Exit 1 when any file is rejected
    --cache <dir>        Where the caches for the next run live (default: .cache/ingest)
    --workers <n>        Threads for reading posts (default: one per core; 0: none)
    --no-search          Write no search index (data/search/ is removed)
    --timings            Also print how long each phase took
    --help, -h           Show this help
${SUBSCRIBE_USAGE}

  Exit codes
    0  at least one article was written (also when some feeds failed: the
       table says which, and the history keeps their earlier articles)
    1  nothing was written (no feed could be read and there is no stored
       history), or --strict and a file was rejected
    2  the run could not start (no input found, output not writable, bad
       option, a subscription list that is not valid)

  Example
    $ npm run ingest -- --input ../shared/corpus/posts --out public/data
    $ npm run ingest -- --subscriptions feeds.opml --keep-days 365
`

export type CliIo = {
  stdout: (line: string) => void
  stderr: (line: string) => void
  progress?: Progress
}

const defaultIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  progress: createProgress(process.stderr),
}

/** The options in `argv`; throws for an unknown option or a missing value. */
export function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      input: { type: 'string', short: 'i', multiple: true },
      out: { type: 'string', short: 'o', default: 'public/data' },
      timezone: { type: 'string', default: 'UTC' },
      strict: { type: 'boolean', default: false },
      workers: { type: 'string' },
      cache: { type: 'string' },
      timings: { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...SUBSCRIBE_ARGS,
    },
    allowPositionals: false,
  }).values
}

/** Runs the CLI with the given arguments and returns its exit code. */
export async function runCli(
  argv: string[],
  io: CliIo = defaultIo,
): Promise<number> {
  let values
  try {
    values = parseCliArgs(argv)
  } catch (error) {
    io.stderr(`ingest: ${(error as Error).message}\n${usage}`)
    return 2
  }
  if (values.help) {
    io.stdout(usage)
    return 0
  }
  const workers =
    values.workers === undefined ? undefined : Number(values.workers)
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
    io.stderr(`ingest: --workers must be a whole number, got ${values.workers}`)
    return 2
  }
  const subscriptions = subscribeOptionsFrom(values)
  const images = imageOptionsFrom(values)
  for (const problem of [subscriptions, images]) {
    if (typeof problem !== 'string') continue
    io.stderr(`ingest: ${problem}`)
    return 2
  }
  const cacheDir = values.cache ?? '.cache/ingest'
  if (values['export-opml'] !== undefined) {
    return runExport(values['export-opml'], cacheDir, values.subscriptions, io)
  }
  const started = performance.now()
  try {
    const result = await main({
      inputs: values.input ?? [],
      outDir: values.out,
      timeZone: values.timezone,
      log: (line) => {
        io.progress?.clear()
        io.stderr(line)
      },
      onProgress: io.progress?.update,
      ...(values.cache === undefined ? {} : { cacheDir: values.cache }),
      ...(workers === undefined ? {} : { workers }),
      ...(subscriptions && typeof subscriptions !== 'string'
        ? { subscriptions }
        : {}),
      ...(images && typeof images !== 'string' ? { images } : {}),
      ...(values['no-search'] ? { search: false } : {}),
    })
    io.progress?.clear()
    for (const warning of result.subscriptions?.warnings ?? [])
      io.stderr(`note: ${warning}`)
    if (result.subscriptions) {
      for (const line of healthLines(result.subscriptions.health))
        io.stdout(line)
    }
    if (result.report.images) io.stdout(imagesLine(result.report.images))
    io.stdout(summaryLine(result, performance.now() - started))
    const unread = feedsProblem(result)
    if (unread) io.stderr(`ingest: ${unread}`)
    if (values.timings) io.stdout(timingsLine(result))
    return exitCode(result, values.strict)
  } catch (error) {
    io.progress?.clear()
    if (error instanceof IngestError) {
      io.stderr(`ingest: ${error.message}`)
      return 2
    }
    throw error
  }
}

/** The one line a run ends with, also when there is no terminal. */
export function summaryLine(result: MainResult, elapsedMs: number): string {
  const { counts } = result.report
  const { written, unchanged, removed } = result.files
  const inputs = counts.written + counts.merged + counts.rejected
  const seconds = (elapsedMs / 1000).toFixed(1)
  const rate = Math.round((inputs * 1000) / Math.max(1, elapsedMs))
  return (
    `Wrote ${result.articles} articles in ${result.categories} categories ` +
    `from ${inputs} inputs in ${seconds}s (${rate}/s): ` +
    `${counts.written} written, ${counts.merged} merged, ${counts.rejected} rejected, ` +
    `${counts.skipped} skipped (no posts or feeds); ` +
    `files ${written} written, ${unchanged} unchanged, ${removed} removed`
  )
}

/** `Phases: discover 120 ms, convert 2,100 ms, …; peak memory 190 MiB` */
export function timingsLine(result: MainResult): string {
  const phases = Object.entries(result.phases).map(
    ([name, ms]) => `${name} ${ms.toLocaleString('en')} ms`,
  )
  // The whole process, worker threads included (maxRSS is in KiB).
  const peak = Math.round(process.resourceUsage().maxRSS / 1024)
  return `Phases: ${phases.join(', ')}; peak memory ${peak} MiB`
}

/** `Images: 40 mirrored (saved 3.1 MB), 2 kept remote (…); see the report`. */
function imagesLine(
  images: NonNullable<MainResult['report']['images']>,
): string {
  const saved = (images.bytes_saved / 1024 / 1024).toFixed(1)
  const kept = images.images.filter((i) => i.status === 'kept_remote')
  const why = [...new Set(kept.map((i) => i.reason))].slice(0, 3).join('; ')
  return (
    `Images: ${images.mirrored} mirrored (${saved} MB saved against the originals), ` +
    `${images.kept_remote} kept remote${why ? ` (${why})` : ''}`
  )
}

/** What to say when feeds could not be read (the history may still cover them). */
function feedsProblem(result: MainResult): string | undefined {
  const health = result.subscriptions?.health
  if (!health) return undefined
  const failed = health.filter((h) => h.status === 'failed').length
  if (failed === 0) return undefined
  if (result.articles === 0 && failed === health.length)
    return 'no feed could be read and there is no stored history'
  return `${failed} of ${health.length} feeds failed this run; their stored items were kept`
}

async function runExport(
  file: string,
  cacheDir: string,
  listFile: string | undefined,
  io: CliIo,
): Promise<number> {
  // Loaded only here: the subscription code brings the HTTP client
  // (undici) and the full-text reader, which a file-only run never needs.
  const { exportOpml } = await import('./run/subscriptions/export-list.ts')
  try {
    const { feeds, updated } = exportOpml(file, cacheDir, listFile)
    io.stdout(
      `Wrote ${feeds} feeds to ${file} (${updated} with a new URL learned from redirects or autodiscovery)`,
    )
    return 0
  } catch (error) {
    if (error instanceof IngestError) {
      io.stderr(`ingest: ${error.message}`)
      return 2
    }
    throw error
  }
}

function exitCode(result: MainResult, strict: boolean): number {
  if (result.articles === 0) return 1
  if (strict && result.report.counts.rejected > 0) return 1
  return 0
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  process.exitCode = await runCli(process.argv.slice(2))
}
