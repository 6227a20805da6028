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
  /** Page items (see Prepared.itemJson), newest first. */
  items: string[]
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
  const hash = shortHashOf(
    [spec.key, spec.title, String(pageSize), ...spec.items],
    10,
  )
  const base = `${spec.dir}/${hash}/`
  for (let page = 1; page <= pages; page++) {
    const items = spec.items.slice((page - 1) * pageSize, page * pageSize)
    writer.write(
      `${base}${page}.json`,
      renderPage(spec, items, { page, pages, count }),
    )
  }
  return { key: spec.key, count, pages, base }
}

type PageMeta = { page: number; pages: number; count: number }

/**
 * A list page as `JSON.stringify(page, null, 2)` would write it, assembled
 * from pre-serialised items so summaries are never parsed again.
 */
export function renderPage(
  spec: ListSpec,
  items: string[],
  meta: PageMeta,
): string {
  const head = [
    `  "version": ${JSON.stringify(JSON_FEED_VERSION)},`,
    `  "title": ${JSON.stringify(spec.title)},`,
    ...(meta.page < meta.pages
      ? [`  "next_url": "${meta.page + 1}.json",`]
      : []),
  ]
  const list =
    items.length === 0
      ? '  "items": [],'
      : `  "items": [\n${items.join(',\n')}\n  ],`
  const zixun = { list: spec.key, ...meta }
  const tail = `  "_zixun": ${JSON.stringify(zixun, null, 2).replace(/\n/g, '\n  ')}`
  return `{\n${head.join('\n')}\n${list}\n${tail}\n}\n`
}

/** Writes every node's list, depth first, and returns the manifest's tree. */
export function writeCategoryLists(
  writer: OutputWriter,
  nodes: TreeNode[],
  items: string[],
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
