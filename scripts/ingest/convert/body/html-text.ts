import { Parser } from 'htmlparser2'
import {
  BLOCK_ELEMENTS,
  HIDDEN_ELEMENTS,
  isElementName,
} from './html-elements.ts'

export type BodyImage = { src: string; width?: number; height?: number }

export type HtmlScan = {
  /** Visible text: entities decoded, whitespace collapsed, no style/script. */
  text: string
  /** Every image in document order, lazy-loading attributes honoured. */
  images: BodyImage[]
  /** Offsets of `<` that start a pseudo-tag meant as text. */
  pseudoTags: number[]
}

const LAZY_SRC = [
  'data-original',
  'data-src',
  'data-lazy-src',
  'data-actualsrc',
  'src',
]

/**
 * Reads the plain text and images of untrusted HTML without running it.
 * A pseudo-tag in text that is no HTML element (`wsl -d <DistroName>`)
 * is kept as the text it was meant to be.
 */
export function scanHtml(html: string): HtmlScan {
  const chunks: string[] = []
  const images: BodyImage[] = []
  const pseudoTags: number[] = []
  let hidden = 0
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (!isElementName(name)) {
          if (hidden === 0) chunks.push(rawTag(html, parser))
          // Only a bare <Word> is text; with attributes it is markup.
          if (Object.keys(attrs).length === 0)
            pseudoTags.push(parser.startIndex)
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
          pseudoTags.push(parser.startIndex)
          return
        }
        if (HIDDEN_ELEMENTS.has(name)) hidden = Math.max(0, hidden - 1)
        if (BLOCK_ELEMENTS.has(name)) chunks.push(' ')
      },
      ontext(text) {
        if (hidden === 0) chunks.push(text)
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return {
    text: collapseWhitespace(chunks.join('')),
    images,
    pseudoTags,
  }
}

/** Collapses every run of whitespace (also U+3000, NBSP) to one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function rawTag(html: string, parser: Parser): string {
  return html.slice(parser.startIndex, parser.endIndex + 1)
}

function pushImage(images: BodyImage[], attrs: Record<string, string>): void {
  const key = LAZY_SRC.find((k) => isImageUrl(attrs[k]))
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
