import { decodeHTML } from 'entities'
import type { CategoryPath } from '../../../../src/lib/article-schema.ts'
import type { CategoryStyle } from '../../read/input-types.ts'

export type Categories = { paths: CategoryPath[]; tags: string[] }

/**
 * Reads `categories` (or `category`) and `tags` (or `tag`/`keywords`) in
 * every shape: plain string, list, list of lists. Names are trimmed,
 * entity-decoded and kept as written otherwise. When a post has tags but
 * no categories, its tags become one-level paths so it can still be
 * filtered. `tags` in the result is every name, de-duplicated.
 */
export function readCategories(
  data: Record<string, unknown>,
  style: CategoryStyle,
): Categories {
  const split = style === 'jekyll' ? /[\s,]+/ : /,/
  const raw = splitString(data.categories ?? data.category, style, split)
  let paths = dedupePaths(toPaths(raw, style === 'jekyll' ? 'flat' : style))
  const tagNames = unique(
    toNames(data.tags ?? data.tag ?? data.keywords, split),
  )
  if (paths.length === 0) paths = tagNames.map((name) => [name])
  return { paths, tags: unique([...paths.flat(), ...tagNames]) }
}

function toPaths(value: unknown, style: CategoryStyle): CategoryPath[] {
  if (!Array.isArray(value)) {
    const name = cleanName(value)
    return name ? [[name]] : []
  }
  if (style === 'flat' || !value.some(Array.isArray)) {
    const names = value.map(cleanName).filter((n): n is string => !!n)
    if (style === 'flat') return names.map((n) => [n])
    return names.length > 0 ? [names] : []
  }
  return value.flatMap((entry) => toPaths(entry, 'hierarchical'))
}

function splitString(
  value: unknown,
  style: CategoryStyle,
  split: RegExp,
): unknown {
  return style === 'jekyll' && typeof value === 'string'
    ? value.split(split)
    : value
}

function toNames(value: unknown, split: RegExp): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => toNames(v, split))
  if (typeof value === 'string' && split.test(value.trim())) {
    return value.split(split).flatMap((v) => toNames(v, split))
  }
  const name = cleanName(value)
  return name ? [name] : []
}

/** A category or tag name from any scalar; undefined when empty. */
export function cleanName(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const name = decodeHTML(String(value)).replace(/\s+/g, ' ').trim()
  return name === '' ? undefined : name
}

function dedupePaths(paths: CategoryPath[]): CategoryPath[] {
  const seen = new Set<string>()
  return paths.filter((path) => {
    const key = path.join('\u0000')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function unique(names: string[]): string[] {
  return [...new Set(names)]
}
