import type { ArticleSummary, CategoryPath } from '../article-schema'

/**
 * A scope names a list the reader can mark: `''` is the list of all
 * articles, otherwise a category path with its segments joined by U+001F.
 * A scope covers an article when the article has a category path that
 * starts with it (a node's list holds its descendants).
 */
export type Scope = string

export const ALL_SCOPE: Scope = ''

const SEGMENT = '\u001f'
const PATH = '\u001e'

/** The scope of a category path (`[]` is the list of all articles). */
export function scopeOf(path: readonly string[]): Scope {
  return path.join(SEGMENT)
}

/** The category path a scope names. */
export function pathOfScope(scope: Scope): CategoryPath {
  return scope === ALL_SCOPE ? [] : scope.split(SEGMENT)
}

/** An article's category paths in one string, as read marks store them. */
export function encodeCategories(paths: readonly CategoryPath[]): string {
  return paths.map(scopeOf).join(PATH)
}

/** The category paths `encodeCategories` wrote. */
export function decodeCategories(encoded: string): CategoryPath[] {
  return encoded === ''
    ? []
    : encoded.split(PATH).map((path) => path.split(SEGMENT))
}

const scopesMemo = new Map<string, readonly Scope[]>()
/** Distinct category strings are few (the tree's paths); a bound all the same. */
const SCOPES_MEMO_LIMIT = 4096

/**
 * Every scope an article is counted in: all, and each prefix of each path.
 * Memoised (the result is shared: never mutate it), since loading 50,000
 * read marks asks for the same few category strings 50,000 times.
 */
export function scopesOfCategories(encoded: string): readonly Scope[] {
  const known = scopesMemo.get(encoded)
  if (known) return known
  const scopes = new Set<Scope>([ALL_SCOPE])
  if (encoded !== '') {
    for (const path of encoded.split(PATH)) {
      let at = path.indexOf(SEGMENT)
      while (at !== -1) {
        scopes.add(path.slice(0, at))
        at = path.indexOf(SEGMENT, at + 1)
      }
      scopes.add(path)
    }
  }
  const result = Object.freeze([...scopes])
  if (scopesMemo.size >= SCOPES_MEMO_LIMIT) scopesMemo.clear()
  scopesMemo.set(encoded, result)
  return result
}

/** Whether `scope` covers an article with the `encoded` category paths. */
export function scopeCovers(scope: Scope, encoded: string): boolean {
  if (scope === ALL_SCOPE) return true
  return encoded
    .split(PATH)
    .some((path) => path === scope || path.startsWith(scope + SEGMENT))
}

/** Whether `inner` is `outer` or lies below it. */
export function isWithin(inner: Scope, outer: Scope): boolean {
  return (
    outer === ALL_SCOPE || inner === outer || inner.startsWith(outer + SEGMENT)
  )
}

/** What a read mark keeps of an article: enough to count it per category. */
export type ReadTarget = {
  id: string
  /** `date_published` in epoch milliseconds. */
  date: number
  /** The category paths (`encodeCategories`). */
  cats: string
}

/** The read-mark view of a card's summary. */
export function toReadTarget(
  article: Pick<ArticleSummary, 'id' | 'date_published' | '_zixun'>,
): ReadTarget {
  return {
    id: article.id,
    date: Date.parse(article.date_published) || 0,
    cats: encodeCategories(article._zixun.categories),
  }
}
