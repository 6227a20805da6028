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
