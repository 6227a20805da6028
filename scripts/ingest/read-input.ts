import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { CategoryStyle } from './categories.ts'
import { decodeText, fixDoubleEncoding } from './decode-text.ts'
import { FEED_EXTENSIONS } from './discover-inputs.ts'
import { PostError } from './errors.ts'
import { contentHash } from './hash.ts'
import { parseFrontMatter } from './parse-front-matter.ts'
import { prepareArticle, type Prepared } from './prepare-article.ts'
import { readFeed } from './read-feed.ts'
import { renderBody } from './render-body.ts'
import { splitFrontMatter, type MatterFormat } from './split-front-matter.ts'
import { toArticle, type RawPost, type ToArticleOptions } from './to-article.ts'

/** Posts larger than this are rejected (a news post is rarely 100 KB). */
export const MAX_POST_BYTES = 4 * 1024 * 1024
/** Feeds may carry many full items. */
export const MAX_FEED_BYTES = 64 * 1024 * 1024

export type InputTask = {
  /** Absolute path to read. */
  path: string
  /** The name the report uses. */
  file: string
  /** Path relative to the input root (ids, Jekyll detection). */
  relPath: string
  /**
   * Size and modification time (unchanged files are not read again): from
   * discovery, or filled in by processInput from the file it opened.
   */
  size?: number
  mtimeMs?: number
  /** Digest of the bytes read (contentHash), set by processInput. */
  contentHash?: string
}

export type Rejection = {
  file: string
  ok: false
  line?: number
  reason: string
}

export type Outcome = { file: string; ok: true; prepared: Prepared } | Rejection

/** A file's text, decoded and repaired, and its modification time. */
export type TextInput = { text: string; mtimeMs: number }

/**
 * Reads one input file (a post, or a feed of many items) and converts it.
 * Never throws for a bad file: each problem becomes a rejected outcome with
 * a reason, and a line when known.
 */
export function processInput(
  task: InputTask,
  options: ToArticleOptions,
): Outcome[] {
  try {
    const input = readText(task)
    if (isFeed(task.path, input.text)) return readFeed(task, input, options)
    const prepared = prepareArticle(toArticle(readPost(task, input), options))
    return [{ file: task.file, ok: true, prepared }]
  } catch (error) {
    return [rejection(task.file, error)]
  }
}

export function rejection(file: string, error: unknown): Rejection {
  if (error instanceof PostError) {
    const line = error.line ? { line: error.line } : {}
    return { file, ok: false, ...line, reason: error.message }
  }
  return { file, ok: false, reason: `unexpected error: ${String(error)}` }
}

function readText(task: InputTask): TextInput {
  const fd = openSync(task.path, 'r')
  try {
    return readOpen(fd, task)
  } finally {
    closeSync(fd)
  }
}

function readOpen(fd: number, task: InputTask): TextInput {
  const { path } = task
  const stat = fstatSync(fd)
  task.size ??= stat.size
  task.mtimeMs ??= stat.mtimeMs
  if (stat.size === 0) throw new PostError('empty file')
  const feedLike = FEED_EXTENSIONS.includes(extname(path).toLowerCase())
  const limit = feedLike ? MAX_FEED_BYTES : MAX_POST_BYTES
  if (stat.size > limit) {
    const what = feedLike ? 'a feed' : 'a post'
    const size = `${formatBytes(stat.size)}, over the ${formatBytes(limit)}`
    throw new PostError(`file is ${size} limit for ${what}`)
  }
  const bytes = Buffer.allocUnsafe(stat.size)
  let read = 0
  while (read < stat.size) {
    const n = readSync(fd, bytes, read, stat.size - read, read)
    if (n === 0) break
    read += n
  }
  task.contentHash = contentHash(bytes.subarray(0, read))
  const { text } = decodeText(bytes.subarray(0, read))
  if (text.trim() === '') throw new PostError('empty file (only whitespace)')
  return { text: fixDoubleEncoding(text), mtimeMs: stat.mtimeMs }
}

function isFeed(path: string, text: string): boolean {
  if (FEED_EXTENSIONS.includes(extname(path).toLowerCase())) return true
  const head = text.slice(0, 2048)
  return /^\s*(?:<\?xml[^>]*>\s*)?<(?:rss|feed|rdf:RDF)[\s>]/.test(head)
}

function readPost(task: InputTask, input: TextInput): RawPost {
  const split = splitFrontMatter(input.text)
  return {
    file: task.file,
    relPath: task.relPath,
    data: parseFrontMatter(split),
    html: renderBody(split.body, extname(task.path)),
    categoryStyle: categoryStyle(split.format, task.relPath),
    keepRootRelative: true,
    mtimeMs: input.mtimeMs,
  }
}

/**
 * Hexo reads a YAML `categories` list as one path; Hugo (TOML/JSON front
 * matter) and Jekyll (files named `YYYY-MM-DD-title.md`, space-separated
 * strings) as flat names.
 */
export function categoryStyle(
  format: MatterFormat,
  relPath: string,
): CategoryStyle {
  if (format === 'toml' || format === 'json') return 'flat'
  const jekyllName = /^\d{4}-\d{2}-\d{2}-/.test(basename(relPath))
  return jekyllName ? 'jekyll' : 'hierarchical'
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
