import { escapeAttribute } from 'entities'
import type { ImageSet } from '../../../../src/lib/article-schema.ts'

/** `--images thumbnails`: card pictures only; `all`: body images too. */
export type ImageMode = 'thumbnails' | 'all'

/** Where an image is shown: it decides the widths it is made in. */
export type ImageUse = 'card' | 'body'

/**
 * What conversion knows of mirrored images, by imageKey: the copies, or
 * null for an image kept remote for good (404, too large, SVG…). A key
 * missing from `known` has not been tried yet.
 */
export type ImageContext = {
  mode: ImageMode
  known: ReadonlyMap<string, ImageSet | null>
}

/** The `sizes` of a card's picture (cards are 160 px wide, 104 px on phones). */
export const CARD_SIZES = '(max-width: 760px) 104px, 160px'
/** The `sizes` of a body picture (the article column). */
export const BODY_SIZES = '(max-width: 760px) 100vw, 720px'

/** `card https://…`: an image in the use it was made for. */
export function imageKey(use: ImageUse, url: string): string {
  return `${use} ${url}`
}

/**
 * One article's image lookups: what it uses (so the copies it needs are
 * published) and what is not decided yet (so it is converted again once
 * the images are fetched).
 */
export class ImageLookups {
  readonly keys: string[] = []
  readonly wanted: string[] = []
  private readonly context: ImageContext

  constructor(context: ImageContext) {
    this.context = context
  }

  /** The copies of an absolute http(s) image, when there are any yet. */
  get(use: ImageUse, url: string): ImageSet | undefined {
    if (!/^https?:\/\//i.test(url)) return undefined
    const key = imageKey(use, url)
    if (!this.keys.includes(key)) this.keys.push(key)
    const known = this.context.known.get(key)
    if (known === undefined && !this.wanted.includes(key)) this.wanted.push(key)
    return known ?? undefined
  }
}

/**
 * A body image as `<picture>`: a `<source>` per modern format, then an
 * `<img>` with the original-format copies, its alt text and size.
 */
export function pictureTag(
  set: ImageSet,
  attrs: Record<string, string>,
): string {
  const sizes = escapeAttribute(BODY_SIZES)
  const sources = set.sources.map(
    (s) =>
      `<source type="${escapeAttribute(s.type)}" srcset="${escapeAttribute(s.srcset)}" sizes="${sizes}">`,
  )
  const alt = escapeAttribute(attrs.alt ?? '')
  const title = attrs.title ? ` title="${escapeAttribute(attrs.title)}"` : ''
  const img = `<img src="${escapeAttribute(set.src)}" srcset="${escapeAttribute(set.srcset)}" sizes="${sizes}" width="${set.width}" height="${set.height}" alt="${alt}"${title}>`
  return `<picture>${sources.join('')}${img}</picture>`
}
