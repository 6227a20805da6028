import pLimit from 'p-limit'
import sharp, { type Sharp } from 'sharp'
import type { ImageSet } from '../../../../src/lib/article-schema.ts'
import type { ImageUse } from '../../convert/fields/mirrored-images.ts'
import type { HttpClient } from '../../read/fetch/http-client.ts'
import { shortHash } from '../../shared/hash.ts'

/** Widths made per use: 1×, 2× and 3× a 160 px card; a 720 px column at 1× and 2×. */
export const WIDTHS: Record<ImageUse, number[]> = {
  card: [160, 320, 480],
  body: [480, 960, 1440],
}
/** The width a typical (2×) screen loads: what the report compares with the original. */
const TYPICAL: Record<ImageUse, number> = { card: 320, body: 960 }

export type ImageLimits = { maxBytes: number; maxPixels: number }
export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 24_000_000,
}

export type Mirrored = {
  set: ImageSet
  files: Array<{ name: string; bytes: Buffer }>
  originalBytes: number
  mirroredBytes: number
}
/** An image kept remote, and whether trying again later could change that. */
export type Kept = { reason: string; permanent: boolean }

// Decoding holds the pixels in memory: two images at a time.
const decoding = pLimit(2)

/**
 * Fetches a remote image (a URL from inside a feed: guarded) and makes
 * its copies: each width of its use that is not wider than the image, as
 * AVIF, WebP and the original format (JPEG, or PNG for images with alpha).
 * Only JPEG, PNG, GIF, WebP and AVIF/HEIF bytes reach the decoder, within
 * `maxPixels` (sharp's limitInputPixels): an SVG is never rasterised.
 */
export async function mirrorImage(
  client: HttpClient,
  url: string,
  use: ImageUse,
  limits: ImageLimits,
): Promise<Mirrored | Kept> {
  const result = await client.get({
    url,
    accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8',
    maxBytes: limits.maxBytes,
    guarded: true,
  })
  if (result.kind !== 'ok') {
    const reason =
      result.kind === 'failed' ? result.reason : 'HTTP 304 without a copy'
    const status = result.kind === 'failed' ? result.status : undefined
    const permanent =
      /^too large|^refused|^not an http/.test(reason) ||
      (status !== undefined &&
        status >= 400 &&
        status < 500 &&
        status !== 408 &&
        status !== 429)
    return { reason, permanent }
  }
  const kind = rasterKind(result.bytes)
  if (!kind) {
    const svg =
      /svg/i.test(result.contentType) ||
      /^\s*(<\?xml|<svg)/i.test(
        result.bytes.subarray(0, 256).toString('latin1'),
      )
    return {
      reason: svg
        ? 'SVG: never rasterised, kept remote'
        : `not a raster image (${result.contentType || 'no type'})`,
      permanent: true,
    }
  }
  return decoding(() => encode(result.bytes, use, limits))
}

async function encode(
  bytes: Buffer,
  use: ImageUse,
  limits: ImageLimits,
): Promise<Mirrored | Kept> {
  const open = () =>
    sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' })
  let meta
  try {
    meta = await open().metadata()
  } catch (error) {
    const message = (error as Error).message
    const reason = /pixel limit/i.test(message)
      ? `over ${limits.maxPixels.toLocaleString('en')} pixels`
      : `image not readable (${message})`
    return { reason, permanent: true }
  }
  const rotated = (meta.orientation ?? 1) >= 5
  const width = (rotated ? meta.height : meta.width) ?? 0
  if (width === 0) return { reason: 'image has no size', permanent: true }
  // Never wider than the image; an image narrower than the widest target
  // is also offered at its own width.
  const widths = WIDTHS[use].filter((w) => w < width)
  if (width <= WIDTHS[use].at(-1)!) widths.push(width)
  const alpha = meta.hasAlpha === true
  const formats = [
    {
      type: 'image/avif',
      ext: 'avif',
      apply: (s: Sharp) => s.avif({ quality: 50, effort: 2 }),
    },
    {
      type: 'image/webp',
      ext: 'webp',
      apply: (s: Sharp) => s.webp({ quality: 72 }),
    },
    alpha
      ? {
          type: 'image/png',
          ext: 'png',
          apply: (s: Sharp) => s.png({ compressionLevel: 9, palette: true }),
        }
      : {
          type: 'image/jpeg',
          ext: 'jpg',
          apply: (s: Sharp) => s.jpeg({ quality: 78, mozjpeg: true }),
        },
  ]
  const files: Mirrored['files'] = []
  const srcsets = formats.map(() => [] as string[])
  let largest = { width: 0, height: 0 }
  let typicalBytes = 0
  for (const w of widths) {
    for (const [f, format] of formats.entries()) {
      const { data, info } = await format
        .apply(open().rotate().resize({ width: w, withoutEnlargement: true }))
        .toBuffer({ resolveWithObject: true })
      const name = `${shortHash(data.toString('base64'), 16)}.${format.ext}`
      files.push({ name, bytes: data })
      srcsets[f].push(`/data/images/${name} ${info.width}w`)
      if (info.width >= largest.width)
        largest = { width: info.width, height: info.height }
      if (f === 0 && (w <= TYPICAL[use] || typicalBytes === 0))
        typicalBytes = data.length
    }
  }
  const fallback = srcsets[2]
  return {
    set: {
      src: fallback.at(-1)!.split(' ')[0],
      srcset: fallback.join(', '),
      sources: formats.slice(0, 2).map((format, f) => ({
        type: format.type,
        srcset: srcsets[f].join(', '),
      })),
      width: largest.width,
      height: largest.height,
    },
    files,
    originalBytes: bytes.length,
    mirroredBytes: typicalBytes,
  }
}

/** The raster format the magic bytes say, or undefined (SVG, HTML, anything else). */
function rasterKind(bytes: Buffer): string | undefined {
  if (bytes.length < 12) return undefined
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (
    bytes
      .subarray(0, 8)
      .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'png'
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif'
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp'
  if (bytes.subarray(4, 8).toString('latin1') === 'ftyp') return 'heif'
  return undefined
}
