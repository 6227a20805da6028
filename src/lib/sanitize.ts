import DOMPurify from 'dompurify'
import type {
  Config,
  DOMPurify as Purifier,
  UponSanitizeAttributeHookEvent,
  WindowLike,
} from 'dompurify'
import { toSafeSrcset, toSafeUrl } from './article-urls.ts'
import { BLOCK_ELEMENTS } from './block-elements.ts'
import type { UrlUse } from './article-urls.ts'
import { TRUSTED_TYPES_POLICY_NAME } from './csp.ts'
import {
  LAZY_SOURCE_ATTRIBUTES,
  LAZY_SRCSET_ATTRIBUTES,
} from './url-attributes.ts'

/**
 * Article HTML comes from other websites. This module is the only user of
 * DOMPurify (ESLint enforces it) and holds the one policy, an allowlist in
 * the spirit of Miniflux's (docs/decisions: sanitiser policy):
 *
 * - Kept: text semantics, headings, lists, quotes, tables, code/pre,
 *   figures, details, images (`<picture>`, `srcset`), links, `<video>` and
 *   `<audio>`, `<iframe>` players from `EMBED_ALLOWLIST`. Only the
 *   attributes in `ATTRIBUTES_BY_TAG` survive; no `style`, `class`, `id`,
 *   `name`, `data-*`, `aria-*` (so no DOM clobbering, no app CSS hijack).
 * - Removed with their content: script, style, template, svg, math,
 *   noscript, select, textarea, button, object; removed, content kept:
 *   forms and every other unknown element. Elements with `hidden` and 1×1
 *   tracking pixels are dropped.
 * - URLs (href, src, poster, every `srcset` candidate): http(s) (links also
 *   mailto), `data:` only as a base64 raster `<img src>`, see `toSafeUrl`.
 *   Aggregator redirect wrappers are unwrapped.
 * - Forced: links `target=_blank rel="noopener noreferrer"
 *   referrerpolicy=no-referrer`; images `loading=lazy decoding=async
 *   referrerpolicy=no-referrer` (the real URL taken from the lazy-load
 *   attributes of `url-attributes.ts`, `data-original`, `data-src`…); media `controls preload=none` (no
 *   autoplay); iframes sandboxed, lazy, minimal `allow`, `class=article-embed`.
 *
 * Hooks write only constants in `afterSanitizeAttributes`; changed URLs are
 * returned through `uponSanitizeAttribute` so DOMPurify still checks them.
 * The output is idempotent (sanitising it again changes nothing).
 */

/** Class on every kept `<iframe>`: the ArticleBody CSS makes it responsive. */
export const EMBED_CLASS = 'article-embed'

const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir']

const ATTRIBUTES_BY_TAG: Record<string, readonly string[]> = {
  a: ['href'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height'],
  source: ['src', 'srcset', 'sizes', 'media', 'type', 'width', 'height'],
  video: ['src', 'poster', 'width', 'height'],
  audio: ['src'],
  iframe: ['src', 'width', 'height'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  time: ['datetime'],
  del: ['datetime'],
  ins: ['datetime'],
  details: ['open'],
}

const TAGS = [
  ...['p', 'br', 'hr', 'div', 'span', 'section', 'article', 'aside'],
  ...['header', 'footer', 'address', 'hgroup'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...['b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'small'],
  ...['sub', 'sup', 'abbr', 'cite', 'dfn', 'q', 'time', 'bdi', 'bdo', 'wbr'],
  ...['ruby', 'rt', 'rp', 'code', 'kbd', 'samp', 'var', 'pre', 'blockquote'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['colgroup', 'col', 'figure', 'figcaption', 'picture', 'img', 'source'],
  ...['video', 'audio', 'iframe', 'a'],
]

const BASE_CONFIG: Config = {
  ALLOWED_TAGS: TAGS,
  ALLOWED_ATTR: [
    ...new Set([
      ...GLOBAL_ATTRIBUTES,
      ...Object.values(ATTRIBUTES_BY_TAG).flat(),
    ]),
  ],
  // Narrow schemes only: a plain /^https?:/ would also delete colspan="2"
  // (DOMPurify applies it to every attribute value), see FINDINGS.md.
  ALLOWED_URI_REGEXP:
    /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ADD_FORBID_CONTENTS: ['select', 'textarea', 'button', 'object', 'canvas'],
}

const URL_ATTRIBUTES: Record<string, Partial<Record<string, UrlUse>>> = {
  a: { href: 'link' },
  img: { src: 'image', srcset: 'image' },
  source: { src: 'media', srcset: 'media' },
  video: { src: 'media', poster: 'media' },
  audio: { src: 'media' },
  iframe: { src: 'embed' },
}

const IFRAME_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox'
const IFRAME_ALLOW = 'fullscreen; picture-in-picture; encrypted-media'

/**
 * Sanitises untrusted article HTML and returns it as a DocumentFragment, to
 * be inserted with `container.replaceChildren(fragment)` — never through an
 * HTML string, so nothing is parsed again after sanitising (no mXSS
 * round-trip, no Trusted Types sink). Pair it with `hideBrokenImages`.
 */
export function sanitizeArticleHtml(dirty: string): DocumentFragment {
  return browserSanitizer().toFragment(dirty)
}

/**
 * The same fragment, serialised. For tests and diagnostics only: do not
 * insert the string into the page (use `sanitizeArticleHtml`).
 */
export function sanitizeArticleHtmlToString(dirty: string): string {
  return browserSanitizer().toString(dirty)
}

/** The policy bound to one window (and its DOMParser). */
export type ArticleSanitizer = {
  toFragment(dirty: string): DocumentFragment
  toString(dirty: string): string
}

/** The subset of `window.trustedTypes` the sanitiser uses. */
export type TrustedTypesFactory = {
  createPolicy(
    name: string,
    rules: {
      createHTML: (input: string) => string
      createScriptURL: (input: string) => string
    },
  ): NonNullable<Config['TRUSTED_TYPES_POLICY']>
}

/**
 * The same policy for another window, e.g. a jsdom window in Node, so the
 * ingest can store pre-sanitised HTML (the browser still sanitises it
 * again). With `trustedTypes`, creates the app's one Trusted Types policy,
 * `zixun-sanitize`, and hands it to DOMPurify; the policy blesses a string
 * only while this sanitiser is running, and never a script URL.
 */
export function createArticleSanitizer(
  win: WindowLike,
  trustedTypes?: TrustedTypesFactory,
): ArticleSanitizer {
  const purifier = DOMPurify(win)
  addPolicyHooks(purifier)
  let running = false
  const policy = trustedTypes
    ? createTrustedTypesPolicy(trustedTypes, () => running)
    : null
  const toFragment = (dirty: string): DocumentFragment => {
    if (running) throw new Error('The article sanitiser is not re-entrant')
    running = true
    try {
      const fragment = purifier.sanitize(dirty, {
        ...BASE_CONFIG,
        RETURN_DOM_FRAGMENT: true,
        TRUSTED_TYPES_POLICY: policy,
      })
      // null when the input has no body at all (a <frameset> document).
      return fragment ?? new win.DocumentFragment()
    } finally {
      running = false
    }
  }
  return {
    toFragment,
    toString: (dirty) => {
      const fragment = toFragment(dirty)
      const holder = fragment.ownerDocument.createElement('div')
      holder.append(fragment)
      return holder.innerHTML
    },
  }
}

// --- internal ---

/**
 * The node's lower-case name, or '' for a form whose named controls clobber
 * `nodeName` (`<form><input name=nodeName>`). DOMPurify removes such a form,
 * but still runs the attribute hooks on it: they must not throw.
 */
function tagOf(node: Node): string {
  const name: unknown = node.nodeName
  return typeof name === 'string' ? name.toLowerCase() : ''
}

/** Installs the policy's hooks on a private DOMPurify instance. */
function addPolicyHooks(purifier: Purifier) {
  // Lazy-load libraries keep the real image in data-* and a placeholder (or a
  // CORS proxy, as ZAKER does) in src: prefer the real one when it is safe.
  // The promoted value is still checked as a normal src/srcset afterwards.
  purifier.addHook('beforeSanitizeAttributes', (node) => {
    const tag = tagOf(node)
    if (tag === 'img') promoteLazy(node, LAZY_SOURCE_ATTRIBUTES, 'src', 'image')
    if (tag === 'img' || tag === 'source') {
      promoteLazy(node, LAZY_SRCSET_ATTRIBUTES, 'srcset', 'media')
    }
  })

  purifier.addHook('uponSanitizeElement', (node, data) => {
    if (node.nodeType !== 1) return // Node.ELEMENT_NODE
    const element = node as Element
    if (
      element.hasAttribute('hidden') ||
      isTrackingPixel(element, data.tagName)
    ) {
      element.remove()
    } else if (data.tagName === 'a' && element.parentElement?.closest('a')) {
      // A link inside a link cannot survive serialising and parsing again.
      element.replaceWith(...element.childNodes)
    } else if (data.tagName === 'iframe') {
      promoteLazy(element, LAZY_SOURCE_ATTRIBUTES, 'src', 'media')
      replaceUnlistedIframe(element)
    }
  })

  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = tagOf(node)
    const allowed = ATTRIBUTES_BY_TAG[tag] ?? []
    if (
      !GLOBAL_ATTRIBUTES.includes(data.attrName) &&
      !allowed.includes(data.attrName)
    ) {
      data.keepAttr = false
      return
    }
    checkAttributeValue(tag, data)
  })

  // Constants only: values written here are not checked again by DOMPurify.
  purifier.addHook('afterSanitizeAttributes', (node) => {
    switch (tagOf(node)) {
      case 'a':
        if (!node.hasAttribute('href')) return
        node.setAttribute('target', '_blank')
        node.setAttribute('rel', 'noopener noreferrer')
        node.setAttribute('referrerpolicy', 'no-referrer')
        return
      case 'img':
        if (!node.hasAttribute('src') && !node.hasAttribute('srcset')) {
          return node.remove()
        }
        node.setAttribute('loading', 'lazy')
        node.setAttribute('decoding', 'async')
        node.setAttribute('referrerpolicy', 'no-referrer')
        return
      case 'video':
      case 'audio':
        node.setAttribute('controls', '')
        node.setAttribute('preload', 'none')
        return
      case 'iframe':
        if (!node.hasAttribute('src')) return node.remove()
        node.setAttribute('sandbox', IFRAME_SANDBOX)
        node.setAttribute('allow', IFRAME_ALLOW)
        node.setAttribute('loading', 'lazy')
        // Players refuse to run without knowing the embedding origin; the
        // origin (never the path) is all they get.
        node.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin')
        node.setAttribute('class', EMBED_CLASS)
        return
    }
  })
}

let browserInstance: ArticleSanitizer | undefined

/** Created on first use, so importing this module in Node is harmless. */
function browserSanitizer(): ArticleSanitizer {
  browserInstance ??= createArticleSanitizer(
    window,
    (window as { trustedTypes?: TrustedTypesFactory }).trustedTypes,
  )
  return browserInstance
}

function createTrustedTypesPolicy(
  factory: TrustedTypesFactory,
  isRunning: () => boolean,
): Config['TRUSTED_TYPES_POLICY'] {
  try {
    return factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
      createHTML: (input) => {
        if (!isRunning()) {
          throw new TypeError('Only the article sanitiser may create HTML')
        }
        return input
      },
      createScriptURL: () => {
        throw new TypeError('Article content may not load scripts')
      },
    })
  } catch {
    // Blocked (e.g. a second policy of that name under the CSP): DOMPurify
    // then cannot parse and returns nothing, which fails closed.
    return null
  }
}

function checkAttributeValue(
  tag: string,
  data: UponSanitizeAttributeHookEvent,
) {
  const use = URL_ATTRIBUTES[tag]?.[data.attrName]
  if (data.attrName === 'srcset') {
    setOrDrop(data, toSafeSrcset(data.attrValue))
  } else if (use) {
    setOrDrop(data, toSafeUrl(data.attrValue, use))
  } else if (['width', 'height'].includes(data.attrName)) {
    setOrDrop(data, /^\d{1,5}%?$/.test(data.attrValue) ? data.attrValue : null)
  }
}

function setOrDrop(data: UponSanitizeAttributeHookEvent, value: string | null) {
  if (value === null) data.keepAttr = false
  else data.attrValue = value
}

function promoteLazy(
  node: Element,
  from: readonly string[],
  to: string,
  use: UrlUse,
) {
  for (const name of from) {
    const value = node.getAttribute(name)
    const safe =
      value && (to === 'srcset' ? toSafeSrcset(value) : toSafeUrl(value, use))
    if (safe) return node.setAttribute(to, safe)
  }
}

function isTrackingPixel(node: Element, tag: string): boolean {
  if (tag !== 'img') return false
  const size = (name: string) => Number(node.getAttribute(name) ?? NaN)
  return size('width') <= 1 && size('height') <= 1
}

/**
 * Keeps an allowlisted player iframe (children dropped: they are raw text
 * that only re-parsing could turn into markup); turns any other iframe into
 * a link to its http(s) `src`, or removes it.
 */
function replaceUnlistedIframe(node: Element) {
  node.replaceChildren()
  const src = node.getAttribute('src') ?? ''
  if (toSafeUrl(src, 'embed')) return
  const href = toSafeUrl(src, 'media')
  if (!href) return node.remove()
  const link = node.ownerDocument.createElement('a')
  link.setAttribute('href', href)
  link.textContent = href
  node.replaceWith(link)
}

/** Elements that separate blocks of text (scripts/ingest/convert/body/html-elements.ts). */
const TEXT_BLOCKS = new Set(BLOCK_ELEMENTS)

/**
 * The plain text a reader sees of untrusted article HTML, the way the
 * ingest reads it for the search index (a space where a block starts or
 * ends, whitespace collapsed), from the sanitised DOM: search marks and
 * snippets come from it, and phrases are checked against it.
 */
export function articlePlainText(dirty: string): string {
  if (dirty === '') return ''
  const parts: string[] = []
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        parts.push(child.nodeValue ?? '')
        continue
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue
      const block = TEXT_BLOCKS.has(tagOf(child))
      if (block) parts.push(' ')
      walk(child)
      if (block) parts.push(' ')
    }
  }
  walk(sanitizeArticleHtml(dirty))
  return parts.join('').replace(/\s+/g, ' ').trim()
}
