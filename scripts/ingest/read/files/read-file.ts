import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { PostError } from '../../shared/errors.ts'
import { contentHash } from '../../shared/hash.ts'
import { decodeText, fixDoubleEncoding } from '../decode-text.ts'
import type { InputTask, TextInput } from '../input-types.ts'
import { isFeedFile, MAX_FEED_BYTES, MAX_POST_BYTES } from './input-kinds.ts'
import { isHistorySegment } from '../subscriptions/stored-items.ts'

/**
 * Reads an input file's text: size checked against the limit for a post or
 * a feed, decoded strictly (decodeText) and double encoding repaired. Fills
 * in the task's size, time and content hash from the open file. Throws
 * PostError for an empty, oversized or undecodable file.
 */
export function readText(task: InputTask): TextInput {
  const fd = openSync(task.path, 'r')
  try {
    return readOpen(fd, task)
  } finally {
    closeSync(fd)
  }
}

function readOpen(fd: number, task: InputTask): TextInput {
  const stat = fstatSync(fd)
  task.size ??= stat.size
  task.mtimeMs ??= stat.mtimeMs
  if (stat.size === 0) throw new PostError('empty file')
  const feedLike = isFeedFile(task.path) || isHistorySegment(task.path)
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

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
