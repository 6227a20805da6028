/** A problem with one input file: it is rejected, the others go on. */
export class PostError extends Error {
  override name = 'PostError'
  readonly line?: number

  constructor(message: string, line?: number) {
    super(message)
    this.line = line
  }
}

/** A problem with the whole run (no input, output not writable): exit 2. */
export class IngestError extends Error {
  override name = 'IngestError'
}
