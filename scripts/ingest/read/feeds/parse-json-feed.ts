import { PostError } from '../../shared/errors.ts'
import { textToHtml, type Feed, type FeedItem } from './parse-xml-feed.ts'

type Json = Record<string, unknown>

/**
 * Reads JSON Feed 1.0 or 1.1 (`author` object or `authors` list). A JSON
 * document with an `items` list but no JSON Feed version is read too, with
 * a note. Throws PostError (with the line) for invalid JSON or no items.
 */
export function parseJsonFeed(text: string): Feed {
  const doc = parseJson(text)
  if (!isRecord(doc) || !Array.isArray(doc.items)) {
    throw new PostError('JSON is not a JSON Feed (no "items" list)')
  }
  const version = typeof doc.version === 'string' ? doc.version : ''
  const notes = /^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/.test(version)
    ? []
    : [`unknown JSON Feed version ${JSON.stringify(version)}; read as 1.1`]
  const items = doc.items.filter(isRecord).map((item) => readItem(item, doc))
  return {
    title: str(doc.title),
    link: str(doc.home_page_url),
    items,
    notes,
  }
}

function readItem(item: Json, feed: Json): FeedItem {
  const html =
    str(item.content_html) ?? textToHtml(str(item.content_text) ?? '')
  const data: Json = {
    title: str(item.title),
    link: str(item.url) ?? str(item.external_url),
    guid: item.id === undefined ? undefined : String(item.id),
    date: str(item.date_published) ?? str(item.date_modified),
    author: authors(item) ?? authors(feed),
    tags: Array.isArray(item.tags) ? item.tags : undefined,
    image: str(item.image) ?? str(item.banner_image) ?? attachmentImage(item),
    summary: str(item.summary),
  }
  return { data, html }
}

function authors(value: Json): string[] | undefined {
  const list = Array.isArray(value.authors)
    ? value.authors
    : value.author
      ? [value.author]
      : []
  const names = list
    .map((a) => (isRecord(a) ? str(a.name) : str(a)))
    .filter((n): n is string => !!n)
  return names.length > 0 ? names : undefined
}

function attachmentImage(item: Json): string | undefined {
  if (!Array.isArray(item.attachments)) return undefined
  const image = item.attachments.find(
    (a) => isRecord(a) && /^image\//.test(String(a.mime_type ?? '')),
  )
  return isRecord(image) ? str(image.url) : undefined
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const pos = /position (\d+)/.exec(message)
    const line = pos
      ? text.slice(0, Number(pos[1])).split('\n').length
      : undefined
    throw new PostError(
      `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      line,
    )
  }
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = String(value).trim()
  return text === '' ? undefined : text
}
