import {
  JSON_FEED_VERSION,
  type CategoryNode,
  type ListRef,
} from '../../../src/lib/article-schema.ts'
import type { TreeNode } from './category-tree.ts'
import { shortHashOf } from '../shared/hash.ts'
import type { OutputWriter } from './output-writer.ts'

export const PAGE_SIZE = 24
export const ALL_TITLE = '全部'

export type ListSpec = {
  key: string
  title: string
  /** Folder of the list without its hash: `pages/all`, `categories/<key>`. */
  dir: string
  /** How many items the list has. */
  count: number
  /**
   * Item `index` (a compact JSON summary, UTF-8), newest first. Read on
   * demand, so 100,000 items never sit in one more array per list.
   */
  item: (index: number) => Uint8Array
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
  const { count } = spec
  const pages = Math.ceil(count / pageSize)
  const base = `${spec.dir}/${listHash(spec, pageSize)}/`
  for (let page = 1; page <= pages; page++) {
    const meta = { page, pages, count }
    writer.writeAddressed(`${base}${page}.json`, () => {
      const items: Uint8Array[] = []
      const end = Math.min(count, page * pageSize)
      for (let i = (page - 1) * pageSize; i < end; i++) items.push(spec.item(i))
      return renderPage(spec, items, meta)
    })
  }
  return { key: spec.key, count, pages, base }
}

/** The hash naming a list's folder: its key, title, page size and items. */
function listHash(spec: ListSpec, pageSize: number): string {
  const head = Buffer.from(`${spec.key}\u0000${spec.title}\u0000${pageSize}`)
  return shortHashOf(
    { count: spec.count + 1, part: (i) => (i === 0 ? head : spec.item(i - 1)) },
    10,
  )
}

type PageMeta = { page: number; pages: number; count: number }

/**
 * A list page exactly as `JSON.stringify(page) + '\n'` would write it,
 * assembled from pre-serialised items so summaries are never parsed again,
 * in a buffer of its own. (Reusing one buffer for every page saved ~9 ms
 * per 10,000 posts: not worth a result valid only until the next call;
 * BENCHMARKS.md, fast paths.)
 */
export function renderPage(
  spec: Pick<ListSpec, 'key' | 'title'>,
  items: readonly Uint8Array[],
  meta: PageMeta,
): Buffer {
  const next =
    meta.page < meta.pages ? `,"next_url":"${meta.page + 1}.json"` : ''
  const head =
    `{"version":${JSON.stringify(JSON_FEED_VERSION)},` +
    `"title":${JSON.stringify(spec.title)}${next},"items":[`
  const tail = `],"_zixun":${JSON.stringify({ list: spec.key, ...meta })}}\n`
  // Every item, and a comma between two.
  const size =
    Buffer.byteLength(head) +
    Buffer.byteLength(tail) +
    items.reduce(
      (sum, item) => sum + item.length,
      Math.max(0, items.length - 1),
    )
  const page = Buffer.allocUnsafe(size)
  let at = page.write(head)
  items.forEach((item, i) => {
    if (i > 0) at = page.writeUInt8(0x2c, at) // ,
    page.set(item, at)
    at += item.length
  })
  page.write(tail, at)
  return page
}

/** Writes every node's list, depth first, and returns the manifest's tree. */
export function writeCategoryLists(
  writer: OutputWriter,
  nodes: TreeNode[],
  item: (index: number) => Uint8Array,
  sortChildren: (children: Map<string, TreeNode>) => TreeNode[],
): CategoryNode[] {
  return nodes.map((node) => {
    const ref = writeList(writer, {
      key: node.key,
      title: node.name,
      dir: `categories/${node.key}`,
      count: node.members.length,
      item: (i) => item(node.members[i]),
    })
    const children = writeCategoryLists(
      writer,
      sortChildren(node.children),
      item,
      sortChildren,
    )
    return { ...ref, name: node.name, path: node.path, children }
  })
}
