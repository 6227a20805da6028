import type { ResolveUrl } from '../fields/clean-url.ts'

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

/** Replace `html.slice(start, end)` with `text`. */
export type BodyEdit = { start: number; end: number; text: string }

/**
 * Escapes pseudo-tags the author meant as text (`wsl -d <DistroName>`), at
 * the offsets scanHtml found, so a sanitiser does not drop them as unknown
 * elements.
 */
export function pseudoTagEdits(starts: number[]): BodyEdit[] {
  return starts.map((start) => ({ start, end: start + 1, text: '&lt;' }))
}

/**
 * Applies edits found by one scan of `html` (offsets into the original).
 * An edit inside a range that an earlier edit already replaced is dropped.
 */
export function applyBodyEdits(html: string, edits: BodyEdit[]): string {
  if (edits.length === 0) return html
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end)
  let out = ''
  let last = 0
  for (const edit of sorted) {
    if (edit.start < last) continue
    out += html.slice(last, edit.start) + edit.text
    last = edit.end
  }
  return out + html.slice(last)
}
