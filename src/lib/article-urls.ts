import { isAllowedEmbed } from './embed-allowlist.ts'

/**
 * Where a URL from article HTML is used, which decides the schemes it may
 * have: links may be http(s) or mailto; images and media http(s), and an
 * `<img src>` also a base64 raster `data:image/*`; embeds https only.
 */
export type UrlUse = 'link' | 'image' | 'media' | 'embed'

const SCHEMES: Record<UrlUse, readonly string[]> = {
  link: ['http:', 'https:', 'mailto:'],
  image: ['http:', 'https:'],
  media: ['http:', 'https:'],
  embed: ['https:'],
}

/**
 * Raster images only. `image/svg+xml` is refused: an SVG is a document that
 * can carry script, and refusing it keeps the rule "data: means pixels".
 */
const RASTER_DATA_IMAGE =
  /^data:image\/(?:png|jpeg|jpg|gif|webp|avif|bmp);base64,[a-z0-9+/]+={0,2}$/i

/** Stands in for our own origin while parsing a relative URL. */
const RELATIVE_BASE = 'https://relative.invalid'

/**
 * Returns the URL to write into the attribute, or null to drop it.
 * The scheme is checked after WHATWG parsing, so `java\tscript:` and
 * entity tricks are seen as the browser sees them. Absolute URLs come back
 * as `URL.href`; `//host/path` is taken as https; relative URLs come back
 * root-relative (`/path?query#hash`, our own static origin — the demo corpus
 * uses them); a bare `#fragment` is dropped (ids are removed, so it would
 * point nowhere). Links from known aggregator redirect wrappers are
 * unwrapped to their target. A second pass returns the same string.
 */
export function toSafeUrl(raw: string, use: UrlUse): string | null {
  const value = raw.trim()
  if (value === '' || value.startsWith('#')) return null
  if (/^data:/i.test(value)) {
    return use === 'image' && RASTER_DATA_IMAGE.test(value) ? value : null
  }
  const url = parseUrl(value.startsWith('//') ? `https:${value}` : value)
  if (!url || !SCHEMES[use].includes(url.protocol)) return null
  if (use === 'embed' && !isAllowedEmbed(url)) return null
  if (url.origin === RELATIVE_BASE) {
    return `${url.pathname}${url.search}${url.hash}`
  }
  return (use === 'link' ? unwrapRedirect(url) : url).href
}

/** Aggregators that wrap outbound links: host, path, query parameter. */
const REDIRECT_WRAPPERS: ReadonlyArray<[string, string, string]> = [
  ['www.oschina.net', '/action/GoToLink', 'url'],
  ['link.juejin.cn', '/', 'target'],
  ['link.zhihu.com', '/', 'target'],
  ['link.csdn.net', '/', 'target'],
  ['gitee.com', '/link', 'target'],
  ['www.jianshu.com', '/go-wild', 'url'],
  ['www.douban.com', '/link2/', 'url'],
  ['weibo.cn', '/sinaurl', 'u'],
  ['www.google.com', '/url', 'q'],
  ['l.facebook.com', '/l.php', 'u'],
]

/**
 * `https://www.oschina.net/action/GoToLink?url=<encoded>` → the encoded
 * target, when that target is an absolute http(s) URL; otherwise `url`
 * unchanged. Nested wrappers are followed a few levels deep.
 */
export function unwrapRedirect(url: URL): URL {
  let current = url
  for (let depth = 0; depth < 3; depth += 1) {
    const wrapper = REDIRECT_WRAPPERS.find(
      ([host, path]) => current.hostname === host && current.pathname === path,
    )
    const target = wrapper && current.searchParams.get(wrapper[2])
    const next = target ? parseUrl(target) : null
    const isWebUrl = next?.protocol === 'http:' || next?.protocol === 'https:'
    if (!next || !isWebUrl || next.origin === RELATIVE_BASE) {
      return current
    }
    current = next
  }
  return current
}

const DESCRIPTOR = /^(?:\d+w|\d+(?:\.\d+)?x|\d+h)$/

/**
 * Checks every candidate of a `srcset` (DOMPurify checks only the first):
 * each URL must pass `toSafeUrl(…, 'media')` and carry at most one plain
 * width/density descriptor. Bad candidates are dropped; returns null when
 * none is left. Output is `url descriptor, url descriptor`.
 */
export function toSafeSrcset(raw: string): string | null {
  const kept: string[] = []
  for (const { url, descriptor } of parseSrcset(raw)) {
    const safe = toSafeUrl(url, 'media')
    if (!safe || (descriptor !== '' && !DESCRIPTOR.test(descriptor))) continue
    kept.push(descriptor ? `${safe} ${descriptor}` : safe)
  }
  return kept.length > 0 ? kept.join(', ') : null
}

// --- internal ---

function parseUrl(value: string): URL | null {
  try {
    return new URL(value, RELATIVE_BASE)
  } catch {
    return null
  }
}

/**
 * The candidates of a `srcset`, split as the HTML algorithm splits them
 * (a URL may hold commas), without its error handling.
 */
export function parseSrcset(
  input: string,
): { url: string; descriptor: string }[] {
  const candidates: { url: string; descriptor: string }[] = []
  let position = 0
  while (position < input.length) {
    const start = input.slice(position).search(/[^\s,]/)
    if (start === -1) break
    position += start
    const urlEnd = input.slice(position).search(/\s/)
    let url =
      urlEnd === -1
        ? input.slice(position)
        : input.slice(position, position + urlEnd)
    position += url.length
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '')
      candidates.push({ url, descriptor: '' })
      continue
    }
    const comma = input.indexOf(',', position)
    const end = comma === -1 ? input.length : comma
    const descriptor = input.slice(position, end).trim().replace(/\s+/g, ' ')
    position = end + 1
    candidates.push({ url, descriptor })
  }
  return candidates
}
