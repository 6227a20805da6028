import { parseSrcset } from '../../../../src/lib/article-urls.ts'
import {
  SRCSET_ATTRIBUTE_NAMES,
  URL_ATTRIBUTE_NAMES,
} from '../../../../src/lib/url-attributes.ts'
import type { ResolveUrl } from '../fields/clean-url.ts'

/**
 * A start tag's attributes written again (` src="…" alt="…"`) with the URLs
 * of its URL-bearing attributes resolved (the attributes the sanitiser also
 * reads, lazy-loading ones included: src/lib/url-attributes.ts), or
 * undefined when no URL changes, so most tags stay byte for byte. `attrs`
 * are the parser's decoded values (the first of duplicates, as browsers
 * keep it); each is escaped again.
 */
export function resolvedAttributes(
  attrs: Record<string, string>,
  resolve: ResolveUrl,
): string | undefined {
  let changed = false
  let out = ''
  for (const key in attrs) {
    const value = attrs[key]
    const resolved = resolvedValue(key, value, resolve)
    if (resolved !== value) changed = true
    out += ` ${key}="${escapeAttribute(resolved)}"`
  }
  return changed ? out : undefined
}

/** The attribute's value with its URLs resolved; `value` itself otherwise. */
function resolvedValue(
  name: string,
  value: string,
  resolve: ResolveUrl,
): string {
  if (value.trim() === '') return value
  if (URL_ATTRIBUTE_NAMES.has(name)) return resolve(value.trim())
  if (SRCSET_ATTRIBUTE_NAMES.has(name)) return resolveSrcset(value, resolve)
  return value
}

/** Every candidate URL of a srcset resolved; the value itself when none changes. */
function resolveSrcset(value: string, resolve: ResolveUrl): string {
  const candidates = parseSrcset(value)
  const urls = candidates.map(({ url }) => resolve(url))
  if (urls.every((url, i) => url === candidates[i].url)) return value
  return candidates
    .map(({ descriptor }, i) =>
      descriptor ? `${urls[i]} ${descriptor}` : urls[i],
    )
    .join(', ')
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
}
