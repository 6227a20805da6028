import { describeFsError, NotAPostError, PostError } from '../shared/errors.ts'
import type { InputTask, Rejection } from '../read/input-types.ts'
import { readInput } from '../read/read-input.ts'
import { prepareArticle, type Prepared } from './prepare-article.ts'
import { toArticle, type ToArticleOptions } from './to-article.ts'

/** One article ready to write, or why an input (or feed item) gave none. */
export type Outcome = { file: string; ok: true; prepared: Prepared } | Rejection

/**
 * Reads one input file (a post, or a feed of many items) and converts each
 * item (with its search record when `search`). Never throws for a bad file: each problem becomes a rejected
 * outcome with a reason, and a line when known.
 */
export function convertInput(
  task: InputTask,
  options: ToArticleOptions & { search?: boolean },
): Outcome[] {
  let raws
  try {
    raws = readInput(task)
  } catch (error) {
    return [rejection(task.file, error)]
  }
  return raws.map((raw): Outcome => {
    try {
      const prepared = prepareArticle(toArticle(raw, options), options.search)
      return { file: raw.file, ok: true, prepared }
    } catch (error) {
      return rejection(raw.file, error)
    }
  })
}

/**
 * The rejection for an error thrown while reading or converting `file`;
 * NotAPostError makes it a skip. Reasons never name a path of the machine.
 */
export function rejection(file: string, error: unknown): Rejection {
  if (error instanceof NotAPostError) {
    return { file, ok: false, reason: error.message, skipped: true }
  }
  if (error instanceof PostError) {
    const line = error.line ? { line: error.line } : {}
    return { file, ok: false, ...line, reason: error.message }
  }
  if (isFsError(error)) {
    return {
      file,
      ok: false,
      reason: `cannot read file (${describeFsError(error)})`,
    }
  }
  return { file, ok: false, reason: `unexpected error: ${String(error)}` }
}

function isFsError(error: unknown): boolean {
  return (
    error instanceof Error &&
    typeof (error as { syscall?: unknown }).syscall === 'string'
  )
}
