import {
  JSON_FEED_VERSION,
  type CategoryNode,
  type ListRef,
} from '../../src/lib/article-schema.ts'
import type { TreeNode } from './category-tree.ts'
import { shortHashOf } from './hash.ts'
import type { OutputWriter } from './output-writer.ts'

export const PAGE_SIZE = 24
export const ALL_TITLE = '全部'

export type ListSpec = {
  key: string
  title: string
  /** Folder of the list without its hash: `pages/all`, `categories/<key>`. */
  dir: string
  /** Page items (compact JSON summaries, UTF-8), newest first. */
  items: Uint8Array[]
}

/**
 * Writes one list as JSON Feed pages of PAGE_SIZE under
 * `<dir>/<hash>/<n>.json`, where the hash covers the list's whole content,
 * and returns where it lives.
 */
export function writeList(
  writer: OutputWriter,
  spec: ListSpec,
  pageSize = PAGE_SIZE,
): ListRef {
  const count = spec.items.length
  const pages = Math.ceil(count / pageSize)
  const head = Buffer.from(`${spec.key}\u0000${spec.title}\u0000${pageSize}`)
  const hash = shortHashOf([head, ...spec.items], 10)
  const base = `${spec.dir}/${hash}/`
  for (let page = 1; page <= pages; page++) {
    const items = spec.items.slice((page - 1) * pageSize, page * pageSize)
    const meta = { page, pages, count }
    writer.writeAddressed(`${base}${page}.json`, () =>
      renderPage(spec, items, meta),
    )
  }
  return { key: spec.key, count, pages, base }
}

type PageMeta = { page: number; pages: number; count: number }

const COMMA = Buffer.from(',')

/**
 * A list page exactly as `JSON.stringify(page) + '\n'` would write it,
 * assembled from pre-serialised items so summaries are never parsed again.
 */
export function renderPage(
  spec: ListSpec,
  items: Uint8Array[],
  meta: PageMeta,
): Buffer {
  const next =
    meta.page < meta.pages ? `,"next_url":"${meta.page + 1}.json"` : ''
  const head =
    `{"version":${JSON.stringify(JSON_FEED_VERSION)},` +
    `"title":${JSON.stringify(spec.title)}${next},"items":[`
  const tail = `],"_zixun":${JSON.stringify({ list: spec.key, ...meta })}}\n`
  const parts: Uint8Array[] = [Buffer.from(head)]
  items.forEach((item, i) => parts.push(...(i > 0 ? [COMMA, item] : [item])))
  parts.push(Buffer.from(tail))
  return Buffer.concat(parts)
}

/** Writes every node's list, depth first, and returns the manifest's tree. */
export function writeCategoryLists(
  writer: OutputWriter,
  nodes: TreeNode[],
  items: Uint8Array[],
  sortChildren: (children: Map<string, TreeNode>) => TreeNode[],
): CategoryNode[] {
  return nodes.map((node) => {
    const ref = writeList(writer, {
      key: node.key,
      title: node.name,
      dir: `categories/${node.key}`,
      items: node.members.map((i) => items[i]),
    })
    const children = writeCategoryLists(
      writer,
      sortChildren(node.children),
      items,
      sortChildren,
    )
    return { ...ref, name: node.name, path: node.path, children }
  })
}
