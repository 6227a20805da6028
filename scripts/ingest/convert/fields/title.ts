import { decodeHTML } from 'entities'
import { summarize } from './summary.ts'

export const FALLBACK_TITLE_LENGTH = 40

// Characters the Hexo aggregator replaces with `_` in titles.
const REPLACED = String.raw`[:/\\?*“”<>|\[\]_]`

/**
 * A readable title: entities decoded, whitespace collapsed. When the
 * aggregator replaced `: / \ ? * “ ” < > | [ ]` by `_`, the original is
 * restored from the start of the body text if it is there in full
 * (`'Do Not Split'_ A…` → `'Do Not Split': A…`). Returns '' for a title
 * that is only whitespace; the caller picks a fallback.
 */
export function cleanTitle(value: unknown, bodyText = ''): string {
  if (typeof value !== 'string' && typeof value !== 'number') return ''
  const title = decodeHTML(String(value)).replace(/\s+/g, ' ').trim()
  if (!title.includes('_') || bodyText === '') return title
  return restoreReplaced(title, bodyText.slice(0, 2000)) ?? title
}

function restoreReplaced(title: string, text: string): string | undefined {
  const pattern = title
    .split('_')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(REPLACED)
  const match = new RegExp(pattern).exec(text)
  return match && match[0] !== title ? match[0] : undefined
}

/**
 * A title for a post whose title is empty: the first words of its text,
 * else the file name without extension, else `Untitled`.
 */
export function fallbackTitle(text: string, fileName: string): string {
  if (text !== '') {
    // A whole first sentence needs no ellipsis.
    return summarize(text, FALLBACK_TITLE_LENGTH).replace(
      /([。！？.!?])…$/,
      '$1',
    )
  }
  const name = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
  return name === '' ? 'Untitled' : name
}
