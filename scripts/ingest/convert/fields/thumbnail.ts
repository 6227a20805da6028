import { decodeHTML } from 'entities'
import type { ImageSize } from '../../../../src/lib/article-schema.ts'
import {
  isPlaceholderImage,
  unwrapProxy,
  type ResolveUrl,
} from './clean-url.ts'
import type { BodyImage } from '../body/html-text.ts'

export type Thumbnail = { image: string; size?: ImageSize }

const FIELDS = [
  'thumbnail',
  'headimg',
  'image',
  'cover',
  'banner',
  'featured_image',
]

/**
 * The article's thumbnail: `thumbnail` → `headimg` → `image`/`cover` → the
 * first body image → none. Random stock placeholders are no image, open
 * proxies are unwrapped, relative URLs are resolved with `resolve`.
 */
export function pickThumbnail(
  data: Record<string, unknown>,
  bodyImages: BodyImage[],
  resolve: ResolveUrl,
): Thumbnail | undefined {
  for (const field of FIELDS) {
    const image = usableImage(imageField(data[field]), resolve)
    if (image)
      return withSize(
        image,
        bodyImages.find((img) => usableImage(img.src, resolve) === image),
      )
  }
  for (const img of bodyImages) {
    const image = usableImage(img.src, resolve)
    if (image) return withSize(image, img)
  }
  return undefined
}

function withSize(image: string, img: BodyImage | undefined): Thumbnail {
  if (!img?.width || !img.height) return { image }
  return { image, size: { width: img.width, height: img.height } }
}

function imageField(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return imageField(value[0])
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    return imageField(record.url ?? record.src ?? record.path)
  }
  return undefined
}

/**
 * An image URL as the reader can load it: entities decoded, open proxies
 * unwrapped, resolved; undefined for placeholders and non-http(s) schemes.
 */
export function usableImage(
  value: string | undefined,
  resolve: ResolveUrl,
): string | undefined {
  if (!value) return undefined
  const url = unwrapProxy(decodeHTML(value.trim()))
  if (url === '' || isPlaceholderImage(url)) return undefined
  if (/^(?:data|javascript|blob|file):/i.test(url)) return undefined
  const absolute = url.startsWith('//') ? `https:${url}` : url
  const resolved = resolve(absolute)
  return /^https?:\/\/|^\/(?!\/)/i.test(resolved) ? resolved : undefined
}
