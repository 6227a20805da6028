import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { IngestError, main, type MainResult } from './main.ts'
import { createProgress, type Progress } from './run/progress.ts'

export const usage = `
  Usage
    $ npm run ingest -- --input <path> [--input <path>...] [options]

  Reads posts (.md .markdown .html .htm, with YAML, TOML or JSON front
  matter; .txt too when it starts with front matter) and feeds (JSON Feed,
  RSS 2.0, Atom) and writes the reader's static data. Folders are walked
  recursively; every other file in them is listed as skipped in the report
  (hidden files and node_modules are passed over).

  Options
    --input, -i <path>   A folder or file to read (repeatable, required)
    --out, -o <dir>      Output folder (default: public/data)
    --timezone <zone>    IANA zone for dates written without one (default: UTC)
    --strict             Exit 1 when any file is rejected
    --cache <dir>        Where the caches for the next run live (default: .cache/ingest)
    --workers <n>        Threads for reading posts (default: one per core; 0: none)
    --no-search          Write no search index (data/search/ is removed)
    --timings            Also print how long each phase took
    --help, -h           Show this help

  Exit codes
    0  at least one article was written
    1  nothing was written, or --strict and a file was rejected
    2  the run could not start (no input found, output not writable, bad option)

  Example
    $ npm run ingest -- --input ../shared/corpus/posts --out public/data
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

/** Runs the CLI with the given arguments and returns its exit code. */
export async function runCli(
  argv: string[],
  io: CliIo = defaultIo,
): Promise<number> {
  let values
  try {
    values = parseArgs({
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
      },
      allowPositionals: false,
    }).values
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
      ...(values['no-search'] ? { search: false } : {}),
    })
    io.progress?.clear()
    io.stdout(summaryLine(result, performance.now() - started))
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
