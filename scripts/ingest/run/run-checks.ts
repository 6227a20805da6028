import { accessSync, constants, mkdirSync } from 'node:fs'
import type { Discovery } from '../read/files/discover-inputs.ts'
import { IngestError } from '../shared/errors.ts'
import { skippedTally } from '../write/report.ts'
import { assertTimeZone } from '../convert/fields/parse-date.ts'

/** The run's time zone; IngestError when there is no input or the zone is unknown. */
export function checkTimeZone(options: {
  inputs: string[]
  timeZone?: string
  subscriptions?: unknown
}): string {
  if (options.inputs.length === 0 && !options.subscriptions)
    throw new IngestError('no --input or --subscriptions given')
  const timeZone = options.timeZone ?? 'UTC'
  try {
    assertTimeZone(timeZone)
  } catch {
    throw new IngestError(
      `unknown time zone: ${timeZone} (use an IANA name such as Asia/Shanghai)`,
    )
  }
  return timeZone
}

/** Creates the output folder; IngestError when it cannot be written. */
export function prepareOutDir(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true })
    accessSync(outDir, constants.W_OK)
  } catch (error) {
    throw new IngestError(
      `output folder is not writable: ${outDir} (${(error as Error).message})`,
    )
  }
}

/**
 * The discovery, when it found something to read; IngestError when the
 * inputs hold no post or feed at all (saying what they hold instead).
 */
export function checkDiscovery(
  discovery: Discovery,
  options: { inputs: string[] },
): Discovery {
  const { tasks, notRead } = discovery
  if (tasks.length > 0 || notRead.some((entry) => !entry.skipped)) {
    return discovery
  }
  const others =
    notRead.length === 0
      ? ''
      : ` (only ${notRead.length} other files: ${skippedTally(notRead.map((e) => e.file))})`
  throw new IngestError(
    `no posts or feeds found in ${options.inputs.join(', ')}${others}`,
  )
}
