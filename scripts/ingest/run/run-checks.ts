import { accessSync, constants, mkdirSync } from 'node:fs'
import { IngestError } from '../shared/errors.ts'
import { assertTimeZone } from '../convert/fields/parse-date.ts'

/** The run's time zone; IngestError when there is no input or the zone is unknown. */
export function checkTimeZone(options: {
  inputs: string[]
  timeZone?: string
}): string {
  if (options.inputs.length === 0) throw new IngestError('no --input given')
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
