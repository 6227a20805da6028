import type { OutputWriter } from '../output-writer.ts'

/**
 * What the search index writes through: the ingest's OutputWriter (files
 * unchanged since the last run are left alone), or a map in memory for the
 * reader's tests (src/testing/fixtures/search-files.ts).
 */
export type SearchOutput = Pick<
  OutputWriter,
  'write' | 'writeAddressed' | 'previousHash' | 'keepPrevious' | 'note'
>
