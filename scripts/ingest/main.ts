import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import {
  CONTRACT_VERSION,
  type CategoryPath,
  type IngestReport,
} from '../../src/lib/article-schema.ts'
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
import type { ImageOptions, ImageStage } from './run/images/image-stage.ts'
import { subscribe } from './run/subscriptions/subscribe.ts'
import { ZIXUN_VERSION } from './shared/version.ts'
import type { SubscribeOptions } from './run/subscriptions/subscribe-options.ts'
import {
  checkDiscovery,
  checkTimeZone,
  prepareOutDir,
} from './run/run-checks.ts'
import { SpillFile } from './shared/spill-file.ts'
import { reportStream } from './write/collect/report-entries.ts'
import { OutputWriter } from './write/output-writer.ts'
import { withAttentionLines } from './write/report.ts'
import { writeData } from './write/write-data.ts'
import { defaultWorkerCount } from './workers/worker-pool.ts'
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
  /** The report's counts (its entries are in `ingest-report.json`). */
  report: Omit<IngestReport, 'files'>
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
  const images = options.images && (await imageStage(options.images, cacheDir))
  mkdirSync(cacheDir, { recursive: true })
  // What would not fit in memory at 1,000,000 articles waits here.
  const spillDir = mkdtempSync(join(cacheDir, 'spill-'))
  const spill = (name: string) => new SpillFile(join(spillDir, name))
  const spills = { items: spill('items'), rejections: spill('rejections') }
  const sortedItems = spill('sorted-items')
  try {
    const run: Run = {
      discovery,
      context: {
        timeZone,
        outDir,
        mergedBefore: lastRun.merged,
        freshOutput,
        search: options.search !== false,
      },
      previous: lastRun.previous,
      writer: new OutputWriter(outDir, lastRun.previous),
      spills,
      inputResults:
        lastRun.previous.files.size > 0
          ? InputResultsCache.load(files.inputResults, inputKey)
          : undefined,
      nextInputResults: new InputResultsCacheWriter(
        files.inputResults,
        inputKey,
      ),
      ...(images ? { images } : {}),
      searchRecords:
        options.search === false
          ? undefined
          : new SearchRecordCache(files.searchRecords, inputKey),
    }
    if (images) run.context.images = images.context
    const { collector, resolved, inputs } = await convertAll(run, options)
    clock.lap('convert')
    const { table } = collector
    const taskFile = (task: number) => discovery.tasks.file(task)
    const stream = reportStream({
      notRead: discovery.notRead,
      rejected: collector.rejected,
      table,
      resolved,
      taskFile,
    })
    const log = (line: string) => options.log?.(line)
    const imageReport =
      images &&
      images.publish(
        Array.from(resolved.winners, (row) => ({
          images: collector.images.get(row),
        })),
        run.writer,
      )
    const report: MainResult['report'] = {
      version: CONTRACT_VERSION,
      counts: stream.counts,
      ...(subscribed ? { subscriptions: subscribed.health } : {}),
      ...(imageReport ? { images: imageReport } : {}),
    }
    const { categories, sorted } = writeData(
      run.writer,
      { table, winners: resolved.winners },
      sortedItems,
      { ...report, files: withAttentionLines(stream.entries(), log) },
    )
    clock.lap('lists')
    if (run.searchRecords) {
      await writeSearchIndex(
        run.writer,
        indexed(table, sorted),
        run.searchRecords,
        {
          codeVersion: inputKey,
          spillDir: dirname(files.outputHashes),
          workers: options.workers ?? defaultWorkerCount(),
        },
      )
    }
    clock.lap('search')
    const removed = run.writer.removeStale()
    saveOutputHashes(files.outputHashes, outDir, {
      writer: run.writer,
      articles: idsAndHashes(table, sorted),
      merged: new Set(
        Array.from(resolved.losers, (row) => table.file(row, taskFile)),
      ),
    })
    run.inputResults?.close()
    run.nextInputResults.finish()
    clock.lap('cleanup')
    return {
      report,
      articles: sorted.length,
      categories,
      files: {
        written: run.writer.written + collector.written,
        unchanged: run.writer.unchanged + collector.unchanged,
        removed,
      },
      inputs,
      phases: clock.phases,
      ...(subscribed ? { subscriptions: subscribed } : {}),
    }
  } finally {
    for (const file of [spills.items, spills.rejections, sortedItems])
      file.remove()
    rmSync(spillDir, { recursive: true, force: true })
  }
}

/**
 * The image stage, loaded only with `--images`: the HTTP client (undici)
 * and what it brings are not loaded otherwise (~0.1 s of start-up).
 */
async function imageStage(
  options: ImageOptions,
  cacheDir: string,
): Promise<ImageStage> {
  const [{ ImageStage }, { userAgentFor }] = await Promise.all([
    import('./run/images/image-stage.ts'),
    import('./run/subscriptions/fetch-subscriptions.ts'),
  ])
  return new ImageStage(options, cacheDir, userAgentFor(ZIXUN_VERSION))
}

function* idsAndHashes(
  table: { id: (row: number) => string; articleHash: (row: number) => string },
  rows: Uint32Array,
): Generator<[string, string]> {
  for (const row of rows) yield [table.id(row), table.articleHash(row)]
}

/**
 * The articles in list order as the search index takes them. One small
 * object each (id, hash, shared paths): ~100 bytes an article while the
 * index is written, not kept after.
 */
function indexed(
  table: {
    id: (row: number) => string
    articleHash: (row: number) => string
    paths: (row: number) => CategoryPath[]
  },
  rows: Uint32Array,
): Array<{ id: string; articleHash: string; paths: CategoryPath[] }> {
  return Array.from(rows, (row) => ({
    id: table.id(row),
    articleHash: table.articleHash(row),
    paths: table.paths(row),
  }))
}
