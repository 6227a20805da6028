import type { CategoryPath } from '../../../src/lib/article-schema.ts'
import { shortHash } from '../shared/hash.ts'

/** A node while the tree is built: members are indices into the sorted list. */
export type TreeNode = {
  name: string
  path: CategoryPath
  key: string
  members: number[]
  children: Map<string, TreeNode>
}

/** A category node's key: a short URL-safe hash of its whole path. */
export function categoryKey(path: CategoryPath): string {
  return shortHash(JSON.stringify(path), 10)
}

/**
 * Builds the category tree from articles in list order. Every node's
 * members are the articles filed under it or under any descendant, each
 * once, in the same order as the input.
 */
export function buildCategoryTree(
  articles: Array<{ paths: CategoryPath[] }>,
): TreeNode[] {
  const roots = new Map<string, TreeNode>()
  articles.forEach(({ paths }, index) => {
    for (const path of paths) addPath(roots, path, index)
  })
  return sortNodes(roots)
}

function addPath(
  roots: Map<string, TreeNode>,
  path: CategoryPath,
  index: number,
): void {
  let level = roots
  path.forEach((name, depth) => {
    let node = level.get(name)
    if (!node) {
      const nodePath = path.slice(0, depth + 1)
      node = {
        name,
        path: nodePath,
        key: categoryKey(nodePath),
        members: [],
        children: new Map(),
      }
      level.set(name, node)
    }
    if (node.members.at(-1) !== index) node.members.push(index)
    level = node.children
  })
}

/** Biggest first, then by name (UTF-16 order) so output never depends on locale. */
export function sortNodes(nodes: Map<string, TreeNode>): TreeNode[] {
  return [...nodes.values()].sort(
    (a, b) =>
      b.members.length - a.members.length ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  )
}
