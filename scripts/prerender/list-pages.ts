import { paths } from '../../src/config/paths.ts'
import type {
  CategoryNode,
  ListRef,
  Manifest,
} from '../../src/lib/article-schema.ts'

/** The default of `ZIXUN_PRERENDER_LISTS`: category lists with a first screen. */
export const DEFAULT_LIST_LIMIT = 500

/** A list whose first screen gets an HTML file. */
export type ListPageFile = {
  /** The reader's URL, as the app's links write it. */
  pathname: string
  /** The file under the build, `/`-separated: what hosts serve for `pathname`. */
  file: string
  list: ListRef
  /** Empty for all articles. */
  categoryPath: string[]
}

/**
 * Characters a category page's folder name may not hold: `/` and `\`
 * (a path separator on some host), `?`, `#` and `%` (read as URL syntax by
 * some CDNs and tools), what Windows forbids in file names, and control
 * characters; nor may it start with a dot (hidden, and skipped by
 * Jekyll-built GitHub Pages) or start or end with a space.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\?#%<>:"|*\u0000-\u001f\u007f]|^[.\s]|\s$/u

/** Longest folder name most file systems take, in UTF-8 bytes, with room. */
const MAX_NAME_BYTES = 200

function isSafeName(name: string): boolean {
  return (
    name !== '' &&
    !UNSAFE.test(name) &&
    new TextEncoder().encode(name).length <= MAX_NAME_BYTES
  )
}

/**
 * The file of a category's first screen: `c/<name>/…/index.html`, the
 * names as they are (hosts decode the URL's `%XX` before they look for a
 * file: `/c/%E7%BC%96%E7%A8%8B` finds `c/编程/index.html`). Null when a
 * name cannot be a folder everywhere (`UNSAFE`): that category is served
 * by the app shell, as every category beyond the limit is.
 */
export function categoryPageFile(
  categoryPath: readonly string[],
): string | null {
  if (categoryPath.length === 0 || !categoryPath.every(isSafeName)) return null
  return `c/${categoryPath.join('/')}/index.html`
}

/** The key two folder names share when a case-insensitive file system confuses them. */
function folded(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

/**
 * Whether any folder on the way to a node's file is spelled two ways by
 * the tree's paths (`AI` and `ai`, or one name in NFC and in NFD): on a
 * case-insensitive file system both would be one folder.
 */
function findClashes(
  nodes: readonly CategoryNode[],
): (path: readonly string[]) => boolean {
  const spellings = new Map<string, Set<string>>()
  const prefixes = (path: readonly string[]) =>
    path.map((_, i) => path.slice(0, i + 1))
  for (const node of nodes) {
    for (const prefix of prefixes(node.path)) {
      const key = prefix.map(folded).join('/')
      const seen = spellings.get(key) ?? new Set<string>()
      seen.add(prefix.join('/'))
      spellings.set(key, seen)
    }
  }
  return (path) =>
    prefixes(path).some(
      (prefix) => (spellings.get(prefix.map(folded).join('/'))?.size ?? 0) > 1,
    )
}

function allNodes(nodes: readonly CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)])
}

/**
 * The lists whose first screen is prerendered: all articles (`/` →
 * `index.html`), then up to `limit` categories, the top of the tree
 * first and, on each level, the largest first. The rest, like any
 * category whose folder names are unsafe or differ from another's only in
 * case or Unicode normalisation (a case-insensitive host would serve one
 * for the other), is served by the app shell.
 */
export function chooseListPages(
  manifest: Manifest,
  limit = DEFAULT_LIST_LIMIT,
): ListPageFile[] {
  const nodes = allNodes(manifest.categories)
  const clashes = findClashes(nodes)
  const candidates = nodes
    .filter((node) => !clashes(node.path))
    .map((node) => ({ node, file: categoryPageFile(node.path) }))
    .filter(
      (entry): entry is { node: CategoryNode; file: string } =>
        entry.file !== null,
    )
    .sort(
      (a, b) =>
        a.node.path.length - b.node.path.length || b.node.count - a.node.count,
    )
    .slice(0, limit)
  return [
    {
      pathname: paths.home.getHref(),
      file: 'index.html',
      list: manifest.all,
      categoryPath: [],
    },
    ...candidates.map(({ node, file }) => ({
      pathname: paths.category.getHref(node.path),
      file,
      list: node,
      categoryPath: node.path,
    })),
  ]
}

/** Reads `ZIXUN_PRERENDER_LISTS`: a whole number ≥ 0, or the default. */
export function parseListLimit(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_LIST_LIMIT
  const limit = Number(value)
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new Error(`ZIXUN_PRERENDER_LISTS must be a whole number: ${value}`)
  }
  return limit
}
