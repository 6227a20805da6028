import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { IngestReport } from '../../src/lib/article-schema.ts'
import { codeVersion } from './cache/code-version.ts'
import {
  InputResultsCache,
  InputResultsCacheWriter,
} from './cache/input-results-cache.ts'
import {
  cacheFiles,
  loadOutputHashes,
  saveOutputHashes,
} from './cache/output-hash-cache.ts'
import type { FeedHealth } from '../../src/lib/article-schema.ts'
import { SearchRecordCache } from './cache/search-record-cache.ts'
import { discoverInputs } from './read/files/discover-inputs.ts'
import { convertAll, type Run } from './run/convert-all.ts'
import { phaseClock } from './run/phase-clock.ts'
import { ImageStage, type ImageOptions } from './run/images/image-stage.ts'
import { subscribe } from './run/subscriptions/subscribe.ts'
import { userAgentFor } from './run/subscriptions/fetch-subscriptions.ts'
import { ZIXUN_VERSION } from './shared/version.ts'
import type { SubscribeOptions } from './run/subscriptions/subscribe-options.ts'
import {
  checkDiscovery,
  checkTimeZone,
  prepareOutDir,
} from './run/run-checks.ts'
import { toReportEntries } from './write/collect/collect-results.ts'
import { ItemStore } from './write/collect/item-store.ts'
import { OutputWriter } from './write/output-writer.ts'
import { attentionLines, buildReport } from './write/report.ts'
import { writeData } from './write/write-data.ts'
import { writeSearchIndex } from './write/search/write-search-index.ts'

export { IngestError } from './shared/errors.ts'

export type MainOptions = {
  inputs: string[]
  outDir: string
  /** IANA zone for dates written without one; default UTC. */
  timeZone?: string
  /** Receives one line per file that needs attention. */
  log?: (line: string) => void
  /** Called after each input file. */
  onProgress?: (done: number, total: number) => void
  /** Worker threads for reading and converting; 0 runs on this thread. */
  workers?: number
  /** Where the caches for the next run are kept (default `.cache/ingest`). */
  cacheDir?: string
  /** Fetch the feeds of a subscription list into the history store first. */
  subscriptions?: SubscribeOptions
  /** Mirror thumbnails (and with `all`, body images) into `images/`. */
  images?: ImageOptions
  /** Write the search index under `search/` (default true). */
  search?: boolean
}

export type MainResult = {
  report: IngestReport
  articles: number
  categories: number
  /** Output files written, left as they were, and removed as stale. */
  files: { written: number; unchanged: number; removed: number }
  /** Input files converted, and taken unchanged from the last run. */
  inputs: { converted: number; cached: number }
  /** Wall milliseconds per phase: (fetch), discover, convert, lists, search, cleanup. */
  phases: Record<string, number>
  /** With subscriptions: each feed's health and what to say about the list. */
  subscriptions?: { health: FeedHealth[]; warnings: string[] }
}

/**
 * Reads every post and feed under `inputs` and writes the data contract
 * (docs/data-contract.md) into `outDir`: `articles/<id>.json`, list pages
 * for all articles and for every category node, `manifest.json` and
 * `ingest-report.json`. Bad files are reported, never fatal. Unchanged
 * input files are not read again, files whose bytes did not change are
 * not rewritten, and files of earlier runs that this run did not produce
 * are removed. Throws IngestError for problems with the run itself (no
 * input, output not writable, unknown time zone).
 */
export async function main(options: MainOptions): Promise<MainResult> {
  const timeZone = checkTimeZone(options)
  const outDir = resolve(options.outDir)
  const clock = phaseClock()
  const cacheDir = options.cacheDir ?? '.cache/ingest'
  const { discovery, subscribed } = await subscribe(
    options,
    cacheDir,
    clock,
    () => checkDiscovery(discoverInputs(options.inputs), options),
  )
  const freshOutput = !existsSync(join(outDir, 'articles'))
  prepareOutDir(outDir)
  clock.lap('discover')
  const files = cacheFiles(cacheDir, outDir)
  const lastRun = loadOutputHashes(files.outputHashes, outDir)
  const inputKey = `${codeVersion()} ${timeZone} images:${options.images?.mode ?? 'off'}`
  const images =
    options.images &&
    new ImageStage(options.images, cacheDir, userAgentFor(ZIXUN_VERSION))
  const run: Run = {
    discovery,
    context: {
      timeZone,
      outDir,
      mergedBefore: lastRun.merged,
      freshOutput,
      search: options.search !== false,
    },
    previous: lastRun.outputs,
    writer: new OutputWriter(outDir, lastRun.outputs),
    store: new ItemStore(),
    inputResults:
      lastRun.outputs.size > 0
        ? InputResultsCache.load(files.inputResults, inputKey)
        : undefined,
    nextInputResults: new InputResultsCacheWriter(files.inputResults, inputKey),
    ...(images ? { images } : {}),
    searchRecords:
      options.search === false
        ? undefined
        : new SearchRecordCache(files.searchRecords, inputKey),
  }
  if (images) run.context.images = images.context
  const { winners, entries, inputs } = await convertAll(run, options)
  // Nothing reads the tasks any more; let them go before the lists are built.
  run.discovery.tasks.length = 0
  clock.lap('convert')
  const report = buildReport(toReportEntries(entries), subscribed?.health)
  if (images) report.images = images.publish(winners, run.writer)
  for (const line of attentionLines(report)) options.log?.(line)
  const categories = writeData(run.writer, winners, run.store, report)
  clock.lap('lists')
  if (run.searchRecords) {
    writeSearchIndex(run.writer, winners, run.searchRecords, {
      codeVersion: inputKey,
      spillDir: dirname(files.outputHashes),
    })
  }
  clock.lap('search')
  const removed = run.writer.removeStale()
  const merged = new Set(
    report.files.filter((f) => f.status === 'merged').map((f) => f.file),
  )
  saveOutputHashes(files.outputHashes, outDir, {
    outputs: run.writer.hashes,
    merged,
  })
  run.inputResults?.close()
  run.nextInputResults.finish()
  clock.lap('cleanup')
  const { written, unchanged } = run.writer
  return {
    report,
    articles: winners.length,
    categories,
    files: { written, unchanged, removed },
    inputs,
    phases: clock.phases,
    ...(subscribed ? { subscriptions: subscribed } : {}),
  }
}
