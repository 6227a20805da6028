import {
  CONTRACT_VERSION,
  dataPaths,
  type Manifest,
} from '../../../src/lib/article-schema.ts'
import type { SpillFile } from '../shared/spill-file.ts'
import { nodesOf, sortNodes, treeOf, type TreeNode } from './category-tree.ts'
import type { ArticleTable } from './collect/article-table.ts'
import type { OutputWriter } from './output-writer.ts'
import { formatRfc3339 } from '../convert/fields/parse-date.ts'
import { reportParts, type StreamedReport } from './report.ts'
import {
  ALL_TITLE,
  PAGE_SIZE,
  listHasher,
  writeCategoryLists,
  writeList,
} from './write-lists.ts'

export const MANIFEST_TITLE = '资讯'

/** Items read from the spill in one go while it is sorted. */
const COPY_RUN = 64

/**
 * Writes the lists (all articles, every category node), the manifest and
 * the report, for the table's rows `winners`. The list items are copied
 * into `sortedItems` (an empty spill) newest first while every list's hash
 * is fed, so each list is then read a page at a time, mostly in one read
 * per page, and no list's items are ever all in memory. Returns the number
 * of category nodes and the winners in list order.
 */
export function writeData(
  writer: OutputWriter,
  articles: { table: ArticleTable; winners: Uint32Array },
  sortedItems: SpillFile,
  report: StreamedReport,
): { categories: number; sorted: Uint32Array } {
  const { table } = articles
  const sorted = sortArticles(table, articles.winners)
  const roots = treeOf(sorted.length, (k) => table.paths(sorted[k]))
  const hashOf = copyAndHash(table, sorted, roots, sortedItems)
  const all = writeList(writer, {
    key: 'all',
    title: ALL_TITLE,
    dir: 'pages/all',
    count: sorted.length,
    items: (from, to) => sortedItems.readRange(from, to),
    hash: hashOf.all,
  })
  const categories = writeCategoryLists(writer, sortNodes(roots), {
    items: (node, from, to) => sortedItems.readRun(node.members, from, to),
    hash: (node) => hashOf.nodes.get(node),
    sortChildren: sortNodes,
  })
  const manifest: Manifest = {
    version: CONTRACT_VERSION,
    generated: formatRfc3339(sorted.length > 0 ? table.dateMs(sorted[0]) : 0),
    title: MANIFEST_TITLE,
    total: sorted.length,
    page_size: PAGE_SIZE,
    all,
    categories,
  }
  writer.write(dataPaths.manifest, json(manifest))
  writer.writeParts(dataPaths.report, reportParts(report))
  return { categories: countNodes(categories), sorted }
}

/** Newest first; the same date falls back to the id, so order is stable. */
export function sortArticles(
  table: ArticleTable,
  rows: Uint32Array,
): Uint32Array {
  return Uint32Array.from(rows).sort(
    (a, b) =>
      table.dateMs(b) - table.dateMs(a) || compareIds(table.id(a), table.id(b)),
  )
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Copies the items of `sorted` into `out` in that order and returns the
 * hash of every list (all articles, each node), fed on the way.
 */
function copyAndHash(
  table: ArticleTable,
  sorted: Uint32Array,
  roots: ReadonlyMap<string, TreeNode>,
  out: SpillFile,
): { all: string; nodes: Map<TreeNode, string> } {
  const all = listHasher('all', ALL_TITLE)
  const hashers = new Map<TreeNode, ReturnType<typeof listHasher>>()
  const nodesFor = new Map<number, Array<ReturnType<typeof listHasher>>>()
  const hashersOf = (pathSet: number) => {
    let found = nodesFor.get(pathSet)
    if (!found) {
      found = nodesOf(roots, table.distinctPaths[pathSet]).map((node) => {
        let hasher = hashers.get(node)
        if (!hasher)
          hashers.set(node, (hasher = listHasher(node.key, node.name)))
        return hasher
      })
      nodesFor.set(pathSet, found)
    }
    return found
  }
  for (let from = 0; from < sorted.length; from += COPY_RUN) {
    const to = Math.min(sorted.length, from + COPY_RUN)
    table.listItems(sorted, from, to).forEach((item, i) => {
      out.append(item)
      all.update(item)
      for (const hasher of hashersOf(table.pathSet(sorted[from + i])))
        hasher.update(item)
    })
  }
  const nodes = new Map<TreeNode, string>()
  for (const [node, hasher] of hashers) nodes.set(node, hasher.digest())
  return { all: all.digest(), nodes }
}

function countNodes(nodes: Manifest['categories']): number {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0)
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
