import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from './durable-files.ts'

/** What Zixun remembers about a subscribed feed between runs. */
export type FeedState = {
  /** The URL as listed (normalised): this folder belongs to it. */
  listed: string
  /** Where to fetch it now: a permanent redirect's target or the discovered feed. */
  fetchUrl?: string
  /** A permanent redirect learned (the list should be updated). */
  movedTo?: string
  /** The feed autodiscovery found on the listed page. */
  discovered?: string
  etag?: string
  lastModified?: string
  bodyHash?: string
  /** Failed runs in a row. */
  failures: number
  lastSuccess?: number
  /** Not asked again before this time (a Retry-After beyond the wait cap). */
  retryAt?: number
  /** The feed's own title and site link, from its last success. */
  title?: string
  site?: string
}

const STATE_FILE = 'state.json'

/** The state in `dir`; undefined when there is none, or none of this feed's. */
export function readFeedState(
  dir: string,
  listed: string,
): FeedState | undefined {
  const path = join(dir, STATE_FILE)
  if (!existsSync(path)) return undefined
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as FeedState
    return state.listed === listed ? state : undefined
  } catch {
    // A state file is replaced atomically, so this is not ours: start over.
    return undefined
  }
}

/** Saves the state atomically (written after the items it describes). */
export function writeFeedState(dir: string, state: FeedState): Promise<void> {
  return writeFileAtomic(
    join(dir, STATE_FILE),
    `${JSON.stringify(state, null, 2)}\n`,
  )
}
