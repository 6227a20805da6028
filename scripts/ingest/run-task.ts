import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dataPaths } from '../../src/lib/article-schema.ts'
import { contentHash } from './hash.ts'
import type { Prepared } from './prepare-article.ts'
import { processInput, type InputTask, type Rejection } from './read-input.ts'

/** What a worker needs to know, sent once. */
export type TaskContext = {
  timeZone: string
  outDir: string
  /** Hashes of `articles/<id>.json` as the previous run wrote them. */
  previous: ReadonlyMap<string, string>
  /** Inputs merged into another last time: likely to lose again, not written. */
  mergedBefore: ReadonlySet<string>
}

/** A converted item as it travels back to the main thread: no body. */
export type Done = Omit<Prepared, 'articleJson'> & {
  file: string
  ok: true
  articleHash: string
  written: boolean
}

export type TaskResult = Array<Done | Rejection>

/**
 * Reads and converts one input file and writes its articles' files,
 * unless the previous run wrote the same bytes. Returns everything but the
 * bodies, so the main thread never holds article HTML.
 */
export function runTask(task: InputTask, context: TaskContext): TaskResult {
  return processInput(task, { timeZone: context.timeZone }).map((outcome) => {
    if (!outcome.ok) return outcome
    const { articleJson, ...prepared } = outcome.prepared
    const rel = dataPaths.article(prepared.id)
    const articleHash = contentHash(articleJson)
    const written =
      context.previous.get(rel) !== articleHash &&
      !context.mergedBefore.has(outcome.file)
    if (written) writeArticle(context.outDir, rel, articleJson)
    return { ...prepared, file: outcome.file, ok: true, articleHash, written }
  })
}

let madeDir = ''

function writeArticle(outDir: string, rel: string, json: string): void {
  const path = join(outDir, rel)
  const dir = join(outDir, 'articles')
  if (madeDir !== dir) {
    mkdirSync(dir, { recursive: true })
    madeDir = dir
  }
  writeFileSync(path, json)
}
