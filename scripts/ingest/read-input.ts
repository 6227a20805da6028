import { readFileSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { CategoryStyle } from './categories.ts'
import { decodeText } from './decode-text.ts'
import { PostError } from './errors.ts'
import { parseFrontMatter } from './parse-front-matter.ts'
import { renderBody } from './render-body.ts'
import { splitFrontMatter, type MatterFormat } from './split-front-matter.ts'
import { prepareArticle, type Prepared } from './prepare-article.ts'
import {
  toArticle,
  type Converted,
  type RawPost,
  type ToArticleOptions,
} from './to-article.ts'

/** Posts larger than this are rejected (a news post is rarely 100 KB). */
export const MAX_POST_BYTES = 4 * 1024 * 1024

export type InputTask = {
  /** Absolute path to read. */
  path: string
  /** The name the report uses. */
  file: string
  /** Path relative to the input root (ids, Jekyll detection). */
  relPath: string
}

export type Rejection = {
  file: string
  ok: false
  line?: number
  reason: string
}

export type Outcome = { file: string; ok: true; prepared: Prepared } | Rejection

/**
 * Reads one input file and converts it. Never throws for a bad file: each
 * problem becomes a rejected outcome with a reason (and a line when known).
 */
export function processInput(
  task: InputTask,
  options: ToArticleOptions,
): Outcome[] {
  try {
    const prepared = prepareArticle(readPost(task, options))
    return [{ file: task.file, ok: true, prepared }]
  } catch (error) {
    return [rejection(task.file, error)]
  }
}

export function rejection(file: string, error: unknown): Rejection {
  if (error instanceof PostError) {
    return {
      file,
      ok: false,
      reason: error.message,
      ...(error.line ? { line: error.line } : {}),
    }
  }
  return { file, ok: false, reason: `unexpected error: ${String(error)}` }
}

function readPost(task: InputTask, options: ToArticleOptions): Converted {
  const stat = statSync(task.path)
  if (stat.size === 0) throw new PostError('empty file')
  if (stat.size > MAX_POST_BYTES) {
    throw new PostError(
      `file is ${formatBytes(stat.size)}, over the ${formatBytes(MAX_POST_BYTES)} limit for a post`,
    )
  }
  const { text } = decodeText(readFileSync(task.path))
  if (text.trim() === '') throw new PostError('empty file (only whitespace)')
  const split = splitFrontMatter(text)
  const data = parseFrontMatter(split)
  const ext = extname(task.path)
  const raw: RawPost = {
    file: task.file,
    relPath: task.relPath,
    data,
    html: renderBody(split.body, ext),
    categoryStyle: categoryStyle(split.format, task.relPath),
    mtimeMs: stat.mtimeMs,
  }
  return toArticle(raw, options)
}

/**
 * Hexo reads a YAML `categories` list as one path; Hugo (TOML/JSON front
 * matter) and Jekyll (files named `YYYY-MM-DD-title.md`) as flat names.
 */
export function categoryStyle(
  format: MatterFormat,
  relPath: string,
): CategoryStyle {
  if (format === 'toml' || format === 'json') return 'flat'
  return /^\d{4}-\d{2}-\d{2}-/.test(basename(relPath)) ? 'flat' : 'hierarchical'
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
