import type { Discovery } from '../../read/files/discover-inputs.ts'
import { TaskList } from '../../read/files/task-list.ts'
import { ZIXUN_VERSION } from '../../shared/version.ts'
import type { Subscribed } from './fetch-subscriptions.ts'
import type { SubscribeOptions } from './subscribe-options.ts'

/**
 * The read stage's start: the files under `--input` (discover), and with
 * a subscription list, every feed fetched into its history first, whose
 * segments join the inputs after the files. Subscriptions alone need no
 * `--input`.
 */
export async function subscribe(
  options: { inputs: string[]; subscriptions?: SubscribeOptions },
  cacheDir: string,
  clock: { lap: (name: string) => void },
  discover: () => Discovery,
): Promise<{ discovery: Discovery; subscribed?: Subscribed }> {
  if (!options.subscriptions) return { discovery: discover() }
  // Loaded only here: the HTTP client and the full-text reader (undici,
  // linkedom, Readability) would cost every file-only run ~0.1 s to start.
  const { fetchSubscriptions } = await import('./fetch-subscriptions.ts')
  const subscribed = await fetchSubscriptions(
    options.subscriptions,
    cacheDir,
    ZIXUN_VERSION,
  )
  clock.lap('fetch')
  const discovery: Discovery =
    options.inputs.length > 0
      ? discover()
      : { tasks: new TaskList(), notRead: [] }
  discovery.tasks.push(...subscribed.tasks)
  return { discovery, subscribed }
}
