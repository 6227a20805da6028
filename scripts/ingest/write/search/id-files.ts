import {
  IDS_PER_FILE,
  type ShardSpace,
} from '../../../../src/lib/search/search-schema.ts'
import type { SearchOutput } from './search-output.ts'
import { ShardSpaceWriter } from './shard-space.ts'

/**
 * Writes the article ids by docnum, IDS_PER_FILE to a file, as a shard
 * space of its own (files named by number and hash, listed in groups): a
 * result's docnum leads to its id, and the id to `articles/<id>.json`.
 * New articles change only the last file.
 */
export function writeIdFiles(
  writer: SearchOutput,
  sorted: ReadonlyArray<{ id: string }>,
): ShardSpace {
  const files = Math.max(1, Math.ceil(sorted.length / IDS_PER_FILE))
  const space = new ShardSpaceWriter(writer, 'ids', Math.ceil(Math.log2(files)))
  const last = sorted.length - 1
  for (let n = 0; n < files; n++) {
    const ids: string[] = []
    const end = Math.min(sorted.length, (n + 1) * IDS_PER_FILE)
    for (let docnum = n * IDS_PER_FILE; docnum < end; docnum++) {
      ids.push(sorted[last - docnum].id)
    }
    space.write(n, new TextEncoder().encode(`${JSON.stringify({ ids })}\n`))
  }
  return space.finish()
}
