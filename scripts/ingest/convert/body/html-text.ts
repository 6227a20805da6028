import { Parser, type Handler } from 'htmlparser2'
import { LAZY_SOURCE_ATTRIBUTES } from '../../../../src/lib/url-attributes.ts'
import type { ResolveUrl } from '../fields/clean-url.ts'
import type { BodyEdit } from './body-edits.ts'
import {
  BLOCK_ELEMENTS,
  HIDDEN_ELEMENTS,
  isElementName,
} from './html-elements.ts'
import { resolvedAttributes } from './url-attributes.ts'

export type BodyImage = { src: string; width?: number; height?: number }

export type HtmlScan = {
  /** Visible text: entities decoded, whitespace collapsed, no style/script. */
  text: string
  /** Every image in document order, lazy-loading attributes honoured. */
  images: BodyImage[]
  /**
   * What the body needs changed, as offsets into `html`: `<` of a
   * pseudo-tag meant as text escaped, and, with a resolver, relative URLs
   * in URL-bearing attributes resolved.
   */
  edits: BodyEdit[]
}

/** Where an image's URL is read from: the lazy-loading attributes first. */
const IMAGE_SOURCES = [...LAZY_SOURCE_ATTRIBUTES, 'src']

/**
 * Reads the plain text and images of untrusted HTML without running it,
 * and finds the edits its body needs, all in one parse. A pseudo-tag in
 * text that is no HTML element (`wsl -d <DistroName>`) is kept as the text
 * it was meant to be (and escaped in the body, so a sanitiser does not drop
 * it as an unknown element). With `resolve`, every URL-bearing attribute
 * (src/lib/url-attributes.ts) gets its URLs resolved. `imageTag` may
 * replace an `<img>` tag whole (a mirrored image's `<picture>`).
 */
export function scanHtml(
  html: string,
  resolve?: ResolveUrl,
  imageTag?: (attrs: Record<string, string>) => string | undefined,
): HtmlScan {
  const chunks: string[] = []
  const images: BodyImage[] = []
  const edits: BodyEdit[] = []
  const escapeAt = (start: number) =>
    edits.push({ start, end: start + 1, text: '&lt;' })
  // A start tag with a URL to resolve is written again, whole. (Resolving
  // in an `onattribute` handler instead costs ~10 MiB of peak memory at
  // 10,000 posts: the parser's per-attribute calls keep more garbage alive.)
  const resolveTag = (
    name: string,
    attrs: Record<string, string>,
    resolve: ResolveUrl,
  ) => {
    const attributes = resolvedAttributes(attrs, resolve)
    if (attributes === undefined) return
    const { startIndex: start, endIndex: end } = parser
    const close = html.charCodeAt(end - 1) === 0x2f ? ' />' : '>'
    edits.push({ start, end: end + 1, text: `<${name}${attributes}${close}` })
  }
  let hidden = 0
  const handler: Partial<Handler> = {
    onopentag(name, attrs) {
      const replaced = name === 'img' ? imageTag?.(attrs) : undefined
      if (replaced !== undefined) {
        const { startIndex: start, endIndex: end } = parser
        edits.push({ start, end: end + 1, text: replaced })
      } else if (resolve) resolveTag(name, attrs, resolve)
      if (!isElementName(name)) {
        if (hidden === 0) chunks.push(rawTag(html, parser))
        // Only a bare <Word> is text; with attributes it is markup.
        if (Object.keys(attrs).length === 0) escapeAt(parser.startIndex)
        return
      }
      if (HIDDEN_ELEMENTS.has(name)) hidden++
      if (BLOCK_ELEMENTS.has(name)) chunks.push(' ')
      if (name === 'img') pushImage(images, attrs)
    },
    onclosetag(name, isImplied) {
      if (!isElementName(name)) {
        if (isImplied) return
        if (hidden === 0) chunks.push(rawTag(html, parser))
        escapeAt(parser.startIndex)
        return
      }
      if (HIDDEN_ELEMENTS.has(name)) hidden = Math.max(0, hidden - 1)
      if (BLOCK_ELEMENTS.has(name)) chunks.push(' ')
    },
    ontext(text) {
      if (hidden === 0) chunks.push(text)
    },
  }
  const parser: Parser = new Parser(handler, { decodeEntities: true })
  parser.end(html)
  return { text: collapseWhitespace(chunks.join('')), images, edits }
}

/** Collapses every run of whitespace (also U+3000, NBSP) to one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function rawTag(html: string, parser: Parser): string {
  return html.slice(parser.startIndex, parser.endIndex + 1)
}

function pushImage(images: BodyImage[], attrs: Record<string, string>): void {
  const key = IMAGE_SOURCES.find((k) => isImageUrl(attrs[k]))
  if (!key) return
  images.push({
    src: attrs[key].trim(),
    width: toSize(attrs.width ?? attrs['data-width']),
    height: toSize(attrs.height ?? attrs['data-height']),
  })
}

function isImageUrl(value: string | undefined): value is string {
  if (!value) return false
  const v = value.trim()
  return v !== '' && !/^(data|javascript|about):/i.test(v)
}

function toSize(value: string | undefined): number | undefined {
  if (!value || !/^\s*\d{1,5}\s*(px)?\s*$/.test(value)) return undefined
  const n = Number.parseInt(value, 10)
  return n > 0 ? n : undefined
}
