import { parseSrcset } from '../../../../src/lib/article-urls.ts'
import {
  SRCSET_ATTRIBUTE_NAMES,
  URL_ATTRIBUTE_NAMES,
} from '../../../../src/lib/url-attributes.ts'
import type { ResolveUrl } from '../fields/clean-url.ts'

/**
 * An attribute rewritten with its URLs resolved (`data-src="https://…"`),
 * for the URL-bearing attributes the sanitiser also reads (lazy-loading
 * ones included, src/lib/url-attributes.ts); undefined when the attribute
 * carries no URL, is empty, or resolving changes nothing. `value` is the
 * decoded value, as the parser reports it.
 */
export function resolvedAttribute(
  name: string,
  value: string,
  resolve: ResolveUrl,
): string | undefined {
  if (value.trim() === '') return undefined
  let resolved: string
  if (URL_ATTRIBUTE_NAMES.has(name)) resolved = resolve(value.trim())
  else if (SRCSET_ATTRIBUTE_NAMES.has(name))
    resolved = resolveSrcset(value, resolve)
  else return undefined
  return resolved === value
    ? undefined
    : `${name}="${escapeAttribute(resolved)}"`
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
