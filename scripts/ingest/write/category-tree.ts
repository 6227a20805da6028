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
  articles: ReadonlyArray<{ paths: CategoryPath[] }>,
): TreeNode[] {
  return sortNodes(treeOf(articles.length, (index) => articles[index].paths))
}

/**
 * The unsorted tree of `count` articles in list order, each filed under
 * `pathsOf(index)`, as a map of its top-level nodes.
 */
export function treeOf(
  count: number,
  pathsOf: (index: number) => readonly CategoryPath[],
): Map<string, TreeNode> {
  const roots = new Map<string, TreeNode>()
  for (let index = 0; index < count; index++) {
    for (const path of pathsOf(index)) addPath(roots, path, index)
  }
  return roots
}

/**
 * The nodes an article filed under `paths` belongs to, each once: every
 * node on each path, from the top.
 */
export function nodesOf(
  roots: ReadonlyMap<string, TreeNode>,
  paths: readonly CategoryPath[],
): TreeNode[] {
  const nodes = new Set<TreeNode>()
  for (const path of paths) {
    let level = roots
    for (const name of path) {
      const node = level.get(name)
      if (!node) break
      nodes.add(node)
      level = node.children
    }
  }
  return [...nodes]
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
