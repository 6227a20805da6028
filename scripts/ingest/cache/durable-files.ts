import { open, rename } from 'node:fs/promises'

/**
 * Replaces the file at `path` with `content` so that a crash at any moment
 * leaves either the old file or the new one, never a mix: written to a
 * temporary file beside it, flushed to disk, then renamed over it.
 * Asynchronous: a flush takes milliseconds, and the feeds being fetched
 * meanwhile must not wait for it.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`
  const file = await open(tmp, 'w')
  try {
    await file.writeFile(content)
    await file.sync()
  } finally {
    await file.close()
  }
  await rename(tmp, path)
}

/**
 * Appends whole lines to `path` in one write and flushes them to disk. A
 * crash mid-write can leave only a last line without its newline, which
 * readers ignore and the next open cuts off.
 */
export async function appendDurable(
  path: string,
  content: string,
): Promise<void> {
  const file = await open(path, 'a')
  try {
    await file.writeFile(content)
    await file.sync()
  } finally {
    await file.close()
  }
}
