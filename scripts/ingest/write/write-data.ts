import {
  CONTRACT_VERSION,
  dataPaths,
  type IngestReport,
  type Manifest,
} from '../../../src/lib/article-schema.ts'
import { buildCategoryTree, sortNodes } from './category-tree.ts'
import type { Candidate } from './collect/dedupe.ts'
import type { OutputWriter } from './output-writer.ts'
import { formatRfc3339 } from '../convert/fields/parse-date.ts'
import type { ItemStore } from './collect/item-store.ts'
import { reportParts } from './report.ts'
import type { Prepared } from '../convert/prepare-article.ts'
import {
  ALL_TITLE,
  PAGE_SIZE,
  writeCategoryLists,
  writeList,
} from './write-lists.ts'

export const MANIFEST_TITLE = '资讯'

type Listed = Candidate & Pick<Prepared, 'paths'> & { itemIndex: number }

/** Newest first; the same date falls back to the id, so order is stable. */
export function compareArticles(a: Listed, b: Listed): number {
  return b.dateMs - a.dateMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Writes the lists (all articles, every category node), the manifest and
 * the report. Sorts `articles` in place. Returns the number of category
 * nodes.
 */
export function writeData(
  writer: OutputWriter,
  articles: Listed[],
  store: ItemStore,
  report: IngestReport,
): number {
  const sorted = articles.sort(compareArticles)
  const item = (index: number) => store.get(sorted[index].itemIndex)
  const all = writeList(writer, {
    key: 'all',
    title: ALL_TITLE,
    dir: 'pages/all',
    count: sorted.length,
    item,
  })
  const categories = writeCategoryLists(
    writer,
    buildCategoryTree(sorted),
    item,
    sortNodes,
  )
  const manifest: Manifest = {
    version: CONTRACT_VERSION,
    generated: formatRfc3339(sorted[0]?.dateMs ?? 0),
    title: MANIFEST_TITLE,
    total: sorted.length,
    page_size: PAGE_SIZE,
    all,
    categories,
  }
  writer.write(dataPaths.manifest, json(manifest))
  writer.writeParts(dataPaths.report, reportParts(report))
  return countNodes(categories)
}

function countNodes(nodes: Manifest['categories']): number {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0)
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
