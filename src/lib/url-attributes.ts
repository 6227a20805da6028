/**
 * The attributes of article HTML that carry URLs: one list for the ingest
 * (which resolves relative URLs in them against the article's original
 * link) and the sanitiser (which promotes the lazy-loading ones to `src`
 * and `srcset`). Free of DOM and Node APIs: both import it.
 */

/**
 * Lazy-loading attributes of source sites that hold an image's real URL
 * while `src` holds a placeholder, in the order the sanitiser prefers them.
 */
export const LAZY_SOURCE_ATTRIBUTES: readonly string[] = [
  'data-original',
  'data-src',
  'data-actualsrc',
  'data-lazy-src',
]

/** The same for `srcset`. */
export const LAZY_SRCSET_ATTRIBUTES: readonly string[] = [
  'data-srcset',
  'data-lazy-srcset',
]

/** Attributes whose value is one URL, the lazy-loading ones included. */
export const URL_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'poster',
  'action',
  'cite',
  'background',
  ...LAZY_SOURCE_ATTRIBUTES,
])

/** Attributes whose value is a `srcset` (URLs with descriptors). */
export const SRCSET_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  'srcset',
  ...LAZY_SRCSET_ATTRIBUTES,
])
