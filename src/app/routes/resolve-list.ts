import { paths } from '@/config/paths'
import { findCategory } from '@/features/categories/find-category'
import type { ListRef, Manifest } from '@/lib/article-schema'

export type ResolvedList = {
  list: ListRef
  /** Empty for the list of all articles. */
  categoryPath: string[]
}

/** The list a pathname shows: `/` all articles, `/c/...` a category; null if unknown. */
export function resolveList(
  manifest: Manifest,
  pathname: string,
): ResolvedList | null {
  const categoryPath = paths.category.parse(pathname)
  if (categoryPath === null) {
    return pathname === paths.home.path
      ? { list: manifest.all, categoryPath: [] }
      : null
  }
  const node = findCategory(manifest.categories, categoryPath)
  return node ? { list: node, categoryPath } : null
}

/**
 * The list an article is read in: the one it was opened from when known and
 * still in the manifest, otherwise all articles (cold loads, shared links).
 */
export function resolveListContext(
  manifest: Manifest,
  fromList: string | undefined,
): ResolvedList & { href: string } {
  const resolved = fromList ? resolveList(manifest, fromList) : null
  return resolved && fromList
    ? { ...resolved, href: fromList }
    : { list: manifest.all, categoryPath: [], href: paths.home.getHref() }
}
