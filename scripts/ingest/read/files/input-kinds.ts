import { extname } from 'node:path'

/** Extensions always read as posts. */
export const POST_EXTENSIONS = ['.md', '.markdown', '.html', '.htm']
/** Extensions read as feeds (RSS, Atom, JSON Feed). */
export const FEED_EXTENSIONS = ['.xml', '.rss', '.atom', '.json', '.feed']

/** Posts larger than this are rejected (a news post is rarely 100 KB). */
export const MAX_POST_BYTES = 4 * 1024 * 1024
/** Feeds may carry many full items. */
export const MAX_FEED_BYTES = 64 * 1024 * 1024

/** Whether discovery hands a file of this name to the readers. */
export function isInputFile(name: string): boolean {
  const ext = extname(name).toLowerCase()
  return POST_EXTENSIONS.includes(ext) || FEED_EXTENSIONS.includes(ext)
}

/** Whether the file's name says it is a feed. */
export function isFeedFile(path: string): boolean {
  return FEED_EXTENSIONS.includes(extname(path).toLowerCase())
}

/** A feed by name, or by an `<rss>`/`<feed>`/`<rdf:RDF>` root in its text. */
export function isFeed(path: string, text: string): boolean {
  if (isFeedFile(path)) return true
  const head = text.slice(0, 2048)
  return /^\s*(?:<\?xml[^>]*>\s*)?<(?:rss|feed|rdf:RDF)[\s>]/.test(head)
}

/** Extensions read as posts only when the file starts with front matter. */
export const MAYBE_POST_EXTENSIONS = ['.txt']

/** Whether the file is read only if it turns out to be a post (front matter). */
export function isMaybePost(path: string): boolean {
  return MAYBE_POST_EXTENSIONS.includes(extname(path).toLowerCase())
}
