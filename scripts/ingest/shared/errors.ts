/** A problem with one input file: it is rejected, the others go on. */
export class PostError extends Error {
  override name = 'PostError'
  readonly line?: number

  constructor(message: string, line?: number) {
    super(message)
    this.line = line
  }
}

/** An input that turned out to be no post at all: skipped, not rejected. */
export class NotAPostError extends PostError {
  override name = 'NotAPostError'
}

/** A problem with the whole run (no input, output not writable): exit 2. */
export class IngestError extends Error {
  override name = 'IngestError'
}

/**
 * A file system error without the path it names (`EACCES: permission
 * denied`): the report already says which file, and must not say where on
 * the machine it is.
 */
export function describeFsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '')
}
