import {
  JSON_FEED_VERSION,
  type CategoryNode,
  type ListRef,
} from '../../../src/lib/article-schema.ts'
import type { TreeNode } from './category-tree.ts'
import { shortHasher } from '../shared/hash.ts'
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
   * Items `from` … `to - 1` (compact JSON summaries, UTF-8), newest first.
   * Read a page at a time, so a list's items never sit in memory together.
   */
  items: (from: number, to: number) => Uint8Array[]
  /** The list's hash (listHasher over its items), when already known. */
  hash?: string
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
  const base = `${spec.dir}/${spec.hash ?? listHash(spec, pageSize)}/`
  writer.writeList(base, pages, (page) => {
    const meta = { page, pages, count }
    const from = (page - 1) * pageSize
    const items = spec.items(from, Math.min(count, from + pageSize))
    return renderPage(spec, items, meta)
  })
  return { key: spec.key, count, pages, base }
}

/**
 * The hash naming a list's folder, fed item by item: its key, title and
 * page size, then its items (shortHashOf's parts: 10 characters). Items can
 * be fed as they stream by, many lists at once.
 */
export function listHasher(key: string, title: string, pageSize = PAGE_SIZE) {
  const hasher = shortHasher(10)
  hasher.update(`${key}\u0000${title}\u0000${pageSize}`)
  return hasher
}

function listHash(spec: ListSpec, pageSize: number): string {
  const hasher = listHasher(spec.key, spec.title, pageSize)
  for (let from = 0; from < spec.count; from += pageSize) {
    const to = Math.min(spec.count, from + pageSize)
    for (const item of spec.items(from, to)) hasher.update(item)
  }
  return hasher.digest()
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

/** How writeCategoryLists reads a node's list. */
export type NodeLists = {
  /** Items `from` … `to - 1` of the node's list. */
  items: (node: TreeNode, from: number, to: number) => Uint8Array[]
  /** The node's list hash, when known. */
  hash?: (node: TreeNode) => string | undefined
  sortChildren: (children: Map<string, TreeNode>) => TreeNode[]
}

/** Writes every node's list, depth first, and returns the manifest's tree. */
export function writeCategoryLists(
  writer: OutputWriter,
  nodes: TreeNode[],
  lists: NodeLists,
): CategoryNode[] {
  return nodes.map((node) => {
    const ref = writeList(writer, {
      key: node.key,
      title: node.name,
      dir: `categories/${node.key}`,
      count: node.members.length,
      items: (from, to) => lists.items(node, from, to),
      hash: lists.hash?.(node),
    })
    const children = writeCategoryLists(
      writer,
      lists.sortChildren(node.children),
      lists,
    )
    return { ...ref, name: node.name, path: node.path, children }
  })
}
