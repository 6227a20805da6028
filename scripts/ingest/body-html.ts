import type { ResolveUrl } from './clean-url.ts'

const TAG = /<[a-zA-Z][\w:-]*(?:\s[^<>]*)?>/g
const URL_ATTR =
  /(\s(?:href|src|data-src|data-original|poster|action|cite|background)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi
const SRCSET_ATTR = /(\ssrcset\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi

/**
 * Resolves relative URLs in the attributes of body tags (href, src,
 * lazy-loading `data-*`, srcset…) with the post's resolver (its original
 * link), so images and links still work when the body is shown elsewhere.
 */
export function resolveBodyUrls(html: string, resolve: ResolveUrl): string {
  return html.replace(TAG, (tag) =>
    tag
      .replace(
        URL_ATTR,
        (_m, name: string, dq?: string, sq?: string, bare?: string) => {
          const value = dq ?? sq ?? bare ?? ''
          return `${name}"${escapeAttr(resolve(value.trim()))}"`
        },
      )
      .replace(SRCSET_ATTR, (_m, name: string, dq?: string, sq?: string) => {
        const value = (dq ?? sq ?? '')
          .split(',')
          .map((part) => part.trim().replace(/^\S+/, (url) => resolve(url)))
          .join(', ')
        return `${name}"${escapeAttr(value)}"`
      }),
  )
}

function escapeAttr(value: string): string {
  return value.replace(/"/g, '&quot;')
}

/**
 * Escapes pseudo-tags the author meant as text (`wsl -d <DistroName>`), at
 * the offsets scanHtml found, so a sanitiser does not drop them as unknown
 * elements.
 */
export function escapePseudoTags(html: string, starts: number[]): string {
  if (starts.length === 0) return html
  let out = ''
  let last = 0
  for (const start of starts) {
    out += html.slice(last, start) + '&lt;'
    last = start + 1
  }
  return out + html.slice(last)
}
