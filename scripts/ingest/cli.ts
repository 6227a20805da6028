import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { IngestError, main, type MainResult } from './main.ts'

export const usage = `
  Usage
    $ npm run ingest -- --input <path> [--input <path>...] [options]

  Reads posts (.md .markdown .html .htm, with YAML, TOML or JSON front
  matter; folders are walked recursively) and feeds (JSON Feed, RSS 2.0,
  Atom) and writes the reader's static data.

  Options
    --input, -i <path>   A folder or file to read (repeatable, required)
    --out, -o <dir>      Output folder (default: public/data)
    --timezone <zone>    IANA zone for dates written without one (default: UTC)
    --strict             Exit 1 when any file is rejected
    --workers <n>        Threads for reading posts (default: one per core; 0: none)
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
}

const defaultIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
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
  try {
    const result = await main({
      inputs: values.input ?? [],
      outDir: values.out,
      timeZone: values.timezone,
      log: io.stderr,
      ...(values.workers === undefined
        ? {}
        : { workers: Number(values.workers) }),
    })
    io.stdout(summaryLine(result))
    return exitCode(result, values.strict)
  } catch (error) {
    if (error instanceof IngestError) {
      io.stderr(`ingest: ${error.message}`)
      return 2
    }
    throw error
  }
}

export function summaryLine(result: MainResult): string {
  const { counts } = result.report
  const { written, unchanged, removed } = result.files
  return (
    `Wrote ${result.articles} articles in ${result.categories} categories ` +
    `(${counts.written} written, ${counts.merged} merged, ${counts.rejected} rejected; ` +
    `files: ${written} written, ${unchanged} unchanged, ${removed} removed)`
  )
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
