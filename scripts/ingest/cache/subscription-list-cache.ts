import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SubscriptionList } from '../read/subscriptions/subscription-types.ts'
import { writeFileAtomic } from './durable-files.ts'

/**
 * The subscription list of the last run with `--subscriptions`, kept in
 * the store so `--export-opml` can write it back without the list file.
 */
export function saveLastList(
  storeDir: string,
  list: SubscriptionList,
): Promise<void> {
  mkdirSync(storeDir, { recursive: true })
  return writeFileAtomic(
    join(storeDir, 'list.json'),
    `${JSON.stringify(list, null, 2)}\n`,
  )
}

/** The last run's list; undefined when no run with subscriptions left one. */
export function loadLastList(storeDir: string): SubscriptionList | undefined {
  const path = join(storeDir, 'list.json')
  if (!existsSync(path)) return undefined
  return JSON.parse(readFileSync(path, 'utf8')) as SubscriptionList
}
