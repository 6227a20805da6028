import { hash } from 'node:crypto'
import {
  FILE_HASH_LENGTH,
  searchPaths,
  type ShardSpace,
  type SpaceName,
} from '../../../../src/lib/search/search-schema.ts'
import { toBase32 } from '../../shared/hash.ts'
import type { SearchOutput } from './search-output.ts'

/** Stands in a group for a shard with no entries: no file, nothing to fetch. */
export const EMPTY_SHARD = '-'.repeat(FILE_HASH_LENGTH)

/** A base32 digest of `bytes`, `length` characters, for a file name. */
export function nameHash(bytes: Uint8Array | string, length: number): string {
  return toBase32(hash('sha1', bytes, 'buffer')).slice(0, length)
}

/**
 * The shards of one space (terms or prefixes) as they are written, then
 * their groups: each shard is a file named by its number and a hash of
 * its bytes (unchanged shards keep their names, so the last run's file is
 * left alone), each group lists its shards' hashes, and the space lists
 * its groups' hashes for the index file.
 */
export class ShardSpaceWriter {
  readonly bits: number
  readonly groupBits: number
  private readonly name: SpaceName
  private readonly hashes: string[]
  private readonly writer: SearchOutput

  constructor(writer: SearchOutput, name: SpaceName, bits: number) {
    this.writer = writer
    this.name = name
    this.bits = bits
    // About as many groups as shards per group: both files stay small.
    this.groupBits = Math.ceil(bits / 2)
    this.hashes = new Array<string>(2 ** bits).fill(EMPTY_SHARD)
  }

  /** Writes shard `n` (an empty one is not written). */
  write(n: number, bytes: Uint8Array | null): void {
    if (bytes === null) return
    const shardHash = nameHash(bytes, FILE_HASH_LENGTH)
    this.hashes[n] = shardHash
    this.writer.writeAddressed(
      searchPaths.shard(this.name, n, shardHash),
      () => bytes,
    )
  }

  /** Writes the group files; returns the space for the index file. */
  finish(): ShardSpace {
    const perGroup = 2 ** this.groupBits
    let groups = ''
    for (let g = 0; g * perGroup < this.hashes.length; g++) {
      const list = this.hashes.slice(g * perGroup, (g + 1) * perGroup).join('')
      const content = `${JSON.stringify({ hashes: list })}\n`
      const groupHash = nameHash(content, FILE_HASH_LENGTH)
      this.writer.writeAddressed(
        searchPaths.group(this.name, g, groupHash),
        () => content,
      )
      groups += groupHash
    }
    return { bits: this.bits, group_bits: this.groupBits, groups }
  }
}
