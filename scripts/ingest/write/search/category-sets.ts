import type { CategoryPath } from '../../../../src/lib/article-schema.ts'
import { encodeDocSet } from '../../../../src/lib/search/postings.ts'
import {
  CONTENT_HASH_LENGTH,
  searchPaths,
} from '../../../../src/lib/search/search-schema.ts'
import {
  buildCategoryTree,
  categoryKey,
  type TreeNode,
} from '../category-tree.ts'
import type { SearchOutput } from './search-output.ts'
import { nameHash } from './shard-space.ts'

/**
 * Writes each category node's articles as a doc set (docnums ascending),
 * so a search limited to a category (`&c=`) needs one small file, and
 * returns node key → file hash for the index file.
 */
export function writeCategorySets(
  writer: SearchOutput,
  sorted: ReadonlyArray<{ paths: CategoryPath[] }>,
  keyOf: (path: CategoryPath) => string = categoryKey,
): Record<string, string> {
  const last = sorted.length - 1
  const sets: Record<string, string> = {}
  const visit = (nodes: Iterable<TreeNode>) => {
    for (const node of nodes) {
      // Members are list positions, newest first: docnums in reverse.
      const docs = Uint32Array.from(node.members, (m) => last - m).reverse()
      const bytes = encodeDocSet(docs)
      const setHash = nameHash(bytes, CONTENT_HASH_LENGTH)
      writer.writeAddressed(searchPaths.category(setHash), () => bytes)
      sets[keyOf(node.path)] = setHash
      visit(node.children.values())
    }
  }
  visit(buildCategoryTree([...sorted]))
  return sets
}
