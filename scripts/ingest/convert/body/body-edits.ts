/** Replace `html.slice(start, end)` with `text`. */
export type BodyEdit = { start: number; end: number; text: string }

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
