import type { CategoryNode } from '@/lib/article-schema'

/** The node at `path` in the tree (names compared exactly), or undefined. */
export function findCategory(
  tree: readonly CategoryNode[],
  path: readonly string[],
): CategoryNode | undefined {
  let level: readonly CategoryNode[] = tree
  let node: CategoryNode | undefined
  for (const name of path) {
    node = level.find((candidate) => candidate.name === name)
    if (!node) return undefined
    level = node.children
  }
  return node
}
