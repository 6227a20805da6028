import { NotAPostError, PostError } from '../shared/errors.ts'
import type { InputTask, RawPost, TextInput } from './input-types.ts'
import { readFeed } from './feeds/read-feed.ts'
import { isFeed, isMaybePost } from './files/input-kinds.ts'
import { readText } from './files/read-file.ts'
import { readPost } from './posts/read-post.ts'
import {
  isHistorySegment,
  readStoredSegment,
} from './subscriptions/stored-items.ts'

/**
 * Reads one input file: a post gives one RawPost, a feed one per item.
 * A `.txt` file is a post only when it starts with front matter (a Hexo
 * post saved as text); otherwise it throws NotAPostError (skipped). Throws
 * PostError when the file cannot be read at all (empty, too large, not
 * text, front matter or feed it cannot parse). A subscribed feed's
 * history segment gives one RawPost per stored item.
 */
export function readInput(task: InputTask): RawPost[] {
  if (isMaybePost(task.path)) return [readPost(task, readMaybePost(task), true)]
  const input = readText(task)
  if (isHistorySegment(task.path)) return readStoredSegment(task, input)
  if (isFeed(task.path, input.text)) return readFeed(task, input)
  return [readPost(task, input)]
}

function readMaybePost(task: InputTask): TextInput {
  try {
    return readText(task)
  } catch (error) {
    if (!(error instanceof PostError)) throw error
    throw new NotAPostError(`not read as a post: ${error.message}`)
  }
}
