import type { InputTask, RawPost } from './input-types.ts'
import { readFeed } from './feeds/read-feed.ts'
import { isFeed } from './files/input-kinds.ts'
import { readText } from './files/read-file.ts'
import { readPost } from './posts/read-post.ts'

/**
 * Reads one input file: a post gives one RawPost, a feed one per item.
 * Throws PostError when the file cannot be read at all (empty, too large,
 * not text, front matter or feed it cannot parse).
 */
export function readInput(task: InputTask): RawPost[] {
  const input = readText(task)
  if (isFeed(task.path, input.text)) return readFeed(task, input)
  return [readPost(task, input)]
}
