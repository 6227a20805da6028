import { PostError } from '../../shared/errors.ts'
import { normalizeText } from '../decode-text.ts'
import type { InputTask, RawPost, TextInput } from '../input-types.ts'
import { parseJsonFeed } from './parse-json-feed.ts'
import { parseXmlFeed, type Feed } from './parse-xml-feed.ts'

/**
 * Reads every item of a feed file as a RawPost named `<file>#<n>`
 * (1-based), with the feed's title as source and its site link as the
 * base of relative item links. An item with neither guid nor link is keyed
 * by feed path + title + date, so its id survives new items. Throws
 * PostError for a feed without items.
 */
export function readFeed(task: InputTask, input: TextInput): RawPost[] {
  const feed = parseAnyFeed(normalizeText(input.text))
  if (feed.items.length === 0) throw new PostError('feed has no items')
  return feed.items.map((item, index) => ({
    file: `${task.file}#${index + 1}`,
    relPath: `${task.relPath}#${itemKey(item.data, index)}`,
    data: item.data,
    html: item.html,
    categoryStyle: 'flat',
    ...(feed.title ? { source: feed.title } : {}),
    ...(feed.link ? { linkBase: feed.link } : {}),
    mtimeMs: input.mtimeMs,
    notes: feed.notes,
  }))
}

function parseAnyFeed(text: string): Feed {
  return /^\s*[{[]/.test(text) ? parseJsonFeed(text) : parseXmlFeed(text)
}

function itemKey(data: Record<string, unknown>, index: number): string {
  const parts = [data.title, data.date].filter(
    (v) => typeof v === 'string' && v !== '',
  )
  return parts.length > 0 ? parts.join('|') : String(index + 1)
}
