import type { CategoryNode, Manifest } from '../article-schema'
import type { MarkedList } from './read-state'
import { ALL_SCOPE, isWithin, scopeOf, type Scope } from './read-scopes'

/** Every scope of the manifest with its count: all articles and each node. */
export function countsOf(manifest: Manifest): Map<Scope, number> {
  const counts = new Map<Scope, number>([[ALL_SCOPE, manifest.all.count]])
  const visit = (nodes: readonly CategoryNode[]) => {
    for (const node of nodes) {
      counts.set(scopeOf(node.path), node.count)
      visit(node.children)
    }
  }
  visit(manifest.categories)
  return counts
}

/**
 * The list at category `path` (`[]`: all articles) as "mark read" needs
 * it: its scope, every node's count, and the scopes it changes — its own
 * node, the nodes below it and the ones above it, all articles included.
 */
export function markedListOf(
  manifest: Manifest,
  path: readonly string[],
): MarkedList {
  const counts = countsOf(manifest)
  const scope = scopeOf(path)
  const below: Scope[] = []
  for (const candidate of counts.keys()) {
    if (isWithin(candidate, scope)) below.push(candidate)
  }
  const above = path.slice(0, -1).map((_, i) => scopeOf(path.slice(0, i + 1)))
  if (scope !== ALL_SCOPE) above.unshift(ALL_SCOPE)
  return {
    scope,
    countOf: (s) => counts.get(s) ?? 0,
    related: { below, above },
  }
}
