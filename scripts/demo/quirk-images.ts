import {
  LAZY_SOURCE_ATTRIBUTES,
  LAZY_SRCSET_ATTRIBUTES,
} from '../../src/lib/url-attributes.ts'
import { originalLink } from './post-parts.ts'
import type { PostParts } from './post-parts.ts'
import type { QuirkContext } from './quirk-titles.ts'
import { IMAGE_URL_PREFIX } from './svg-image.ts'

const PIXEL =
  'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'

/** Where a lazy-loading script finds the real image: the sanitiser's lists. */
export const LAZY_ATTRIBUTES: readonly string[] = [
  ...LAZY_SOURCE_ATTRIBUTES,
  ...LAZY_SRCSET_ATTRIBUTES,
]

const QUERIES = [
  '?x-oss-process=image/resize,w_640,m_lfit&v=2',
  '?imageView2/2/w/640/format/webp&e=1799999999,token=demo',
  '?w=640&h=360&fit=crop,edges',
]

/**
 * `cors-proxy-image`: ZAKER's first image. The thumbnail goes through an
 * open CORS proxy, the body image is lazy with the real URL in
 * `data-original` and the proxy in `src`.
 */
export function corsProxyImage(parts: PostParts, { random }: QuirkContext) {
  const hex = Array.from({ length: 24 }, () =>
    random.int(0, 15).toString(16),
  ).join('')
  const month = parts.date.toISOString().slice(0, 7).replace('-', '')
  const real = `http://zkres1.zaker.example.com/${month}/${hex}_1024.jpg`
  const proxied = `https://cors.zfour.workers.dev/?${real}`
  parts.body =
    `<p></p><div class="img_box" id="id_imagebox_0" onclick><div class="content_img_div perview_img_div">` +
    `<img class="lazy opacity_0 " id="img_0" data-original="${real}" data-height="1596" data-width="1080" src="${proxied}" referrerpolicy="no-referrer">` +
    `</div></div>${parts.body}`
  parts.headimg = proxied
}

/** `query-string-image`: image URLs with `=`, `,` and `&` in the query. */
export function queryStringImage(parts: PostParts, context: QuirkContext) {
  ensureImages(parts, context, context.full ? QUERIES.length : 1)
  let n = context.random.int(0, QUERIES.length - 1)
  const withQuery = (url: string) => `${url}${QUERIES[n++ % QUERIES.length]}`
  parts.body = parts.body.replace(
    /<img src="([^"?]+)"/g,
    (_m, url: string) => `<img src="${withQuery(url)}"`,
  )
  parts.headimg = firstImage(parts.body)
}

/**
 * `lazy-images`: every image waits for a lazy-loading script, its real
 * URL in one of LAZY_ATTRIBUTES and a 1-pixel GIF (or nothing) in `src`.
 */
export function lazyImages(parts: PostParts, context: QuirkContext) {
  const { random, full } = context
  ensureImages(parts, context, full ? LAZY_ATTRIBUTES.length : 1)
  let n = full ? 0 : random.int(0, LAZY_ATTRIBUTES.length - 1)
  parts.body = parts.body.replace(
    /<img src="(?!data:)([^"]+)"/g,
    (_m, url: string) => {
      const attribute = LAZY_ATTRIBUTES[n++ % LAZY_ATTRIBUTES.length]
      const src = random.chance(0.7) ? ` src="${PIXEL}"` : ''
      const value = LAZY_SRCSET_ATTRIBUTES.includes(attribute)
        ? `${url} 1x, ${url} 2x`
        : url
      return `<img class="lazy"${src} ${attribute}="${value}"`
    },
  )
}

/**
 * `relative-images`: page-relative image URLs (`images/x.svg`,
 * `../uploads/x.svg`), also in `srcset` and `data-original`/`data-src`,
 * which only the post's link can resolve; a post without a link gets one.
 */
export function relativeImages(parts: PostParts, context: QuirkContext) {
  const { random, full } = context
  ensureImages(parts, context, full ? 4 : 1)
  parts.link ??= originalLink(
    parts.feed,
    false,
    parts.title,
    parts.index,
    parts.date,
    random,
  )
  const forms = [
    (file: string) => `<img src="images/${file}"`,
    (file: string) => `<img src="../uploads/${file}"`,
    (file: string) =>
      `<img src="images/${file}" srcset="images/${file} 1x, ../uploads/${file} 2x"`,
    // Relative in every lazy-loading attribute the sanitiser promotes.
    (file: string) => {
      const attribute = random.pick(LAZY_ATTRIBUTES)
      const value = LAZY_SRCSET_ATTRIBUTES.includes(attribute)
        ? `images/${file} 1x, ../uploads/${file} 2x`
        : `images/${file}`
      return `<img src="${PIXEL}" ${attribute}="${value}"`
    },
  ]
  let n = full ? 0 : random.int(0, 1)
  parts.body = parts.body.replace(
    new RegExp(`<img src="${IMAGE_URL_PREFIX}([^"]+)"`, 'g'),
    (_m, file: string) => forms[n++ % forms.length](file),
  )
  const first = /<img src="((?:images|\.\.\/uploads)\/[^"]+)"/.exec(parts.body)
  if (first) parts.headimg = first[1]
}

// --- internal ---

/** Adds images from the pool at the top until the body holds `count`. */
function ensureImages(parts: PostParts, context: QuirkContext, count: number) {
  const have = (parts.body.match(/<img src="/g) ?? []).length
  const added = Array.from({ length: Math.max(0, count - have) }, () => {
    const image = context.random.pick(context.pool)
    return `<p><img src="${IMAGE_URL_PREFIX}${image.file}" alt="" width="${image.width}" height="${image.height}" referrerpolicy="no-referrer"></p>`
  })
  if (added.length === 0) return
  parts.body = `${added.join('\n')}\n${parts.body}`
  parts.headimg = firstImage(parts.body)
}

function firstImage(body: string): string | undefined {
  return /<img src="([^"]+)"/.exec(body)?.[1]
}
