import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs'

/**
 * Replaces the file at `path` with `content` so that a crash at any moment
 * leaves either the old file or the new one, never a mix: written to a
 * temporary file beside it, flushed to disk, then renamed over it.
 */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`
  const fd = openSync(tmp, 'w')
  try {
    writeSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
}

/**
 * Appends whole lines to `path` in one write and flushes them to disk. A
 * crash mid-write can leave only a last line without its newline, which
 * readers ignore and the next open cuts off.
 */
export function appendDurable(path: string, content: string): void {
  const fd = openSync(path, 'a')
  try {
    writeSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
