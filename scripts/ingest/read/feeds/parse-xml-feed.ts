import { DomUtils, parseDocument } from 'htmlparser2'
import { PostError } from '../../shared/errors.ts'
import { scanHtml } from '../../convert/body/html-text.ts'

type Element = ReturnType<typeof DomUtils.findAll>[number]

/** One feed item in the vocabulary toArticle reads (like front matter). */
export type FeedItem = { data: Record<string, unknown>; html: string }

export type Feed = {
  title?: string
  /** The site's link, to resolve relative item links against. */
  link?: string
  items: FeedItem[]
  /** Problems that did not stop the feed from being read. */
  notes: string[]
}

/**
 * Reads an RSS 2.0 (also 0.9x and RDF/RSS 1.0) or Atom 1.0 document. The
 * XML parser is lenient: a malformed feed is read as far as it makes sense
 * and the problem noted. Throws PostError when it is no feed at all.
 */
export function parseXmlFeed(xml: string): Feed {
  const doc = parseDocument(xml, { xmlMode: true, withEndIndices: true })
  const root = doc.children.find((n): n is Element => n.type === 'tag')
  if (!root) throw new PostError('not XML: no root element')
  const closed = xml.trimEnd().endsWith(`</${root.name}>`)
  const notes = closed
    ? []
    : [
        `malformed XML: <${root.name}> is never closed (truncated?); read leniently`,
      ]
  const name = root.name.toLowerCase()
  if (name === 'feed') return { ...readAtom(root), notes }
  if (name === 'rss' || name.endsWith(':rdf') || name === 'rdf')
    return { ...readRss(root), notes }
  throw new PostError(`XML root is <${root.name}>, not an RSS or Atom feed`)
}

// --- RSS ---

function readRss(root: Element): Omit<Feed, 'notes'> {
  const channel = child(root, 'channel') ?? root
  const link = text(child(channel, 'link'))
  const items = [...children(channel, 'item'), ...children(root, 'item')]
  return {
    title: text(child(channel, 'title')),
    link,
    items: items.map((item) => readRssItem(item)),
  }
}

function readRssItem(item: Element): FeedItem {
  const encoded = text(child(item, 'content:encoded'))
  const description = text(child(item, 'description'))
  const data: Record<string, unknown> = {
    title: text(child(item, 'title')),
    link: text(child(item, 'link')) ?? permalinkGuid(child(item, 'guid')),
    guid: text(child(item, 'guid')),
    date:
      text(child(item, 'pubDate')) ??
      text(child(item, 'dc:date')) ??
      text(child(item, 'a10:updated')),
    author: text(child(item, 'dc:creator')) ?? text(child(item, 'author')),
    categories: children(item, 'category')
      .map((c) => text(c))
      .filter(Boolean),
    image: rssImage(item),
    ...(encoded && description ? { summary: description } : {}),
  }
  return { data, html: encoded ?? description ?? '' }
}

function permalinkGuid(guid: Element | undefined): string | undefined {
  const value = text(guid)
  if (!value || attr(guid, 'isPermaLink') === 'false') return undefined
  return /^https?:\/\//i.test(value) ? value : undefined
}

function rssImage(item: Element): string | undefined {
  const media = DomUtils.findAll(
    (el) => el.name === 'media:thumbnail' || el.name === 'media:content',
    item.children,
  )
  for (const el of media) {
    const url = attr(el, 'url')
    if (url && (el.name === 'media:thumbnail' || isImage(el))) return url
  }
  const enclosure = children(item, 'enclosure').find((el) =>
    /^image\//i.test(attr(el, 'type') ?? ''),
  )
  return attr(enclosure, 'url') ?? attr(child(item, 'itunes:image'), 'href')
}

function isImage(el: Element): boolean {
  const medium = attr(el, 'medium')
  const type = attr(el, 'type')
  if (medium) return medium === 'image'
  if (type) return /^image\//i.test(type)
  return /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(attr(el, 'url') ?? '')
}

// --- Atom ---

function readAtom(root: Element): Omit<Feed, 'notes'> {
  return {
    title: atomText(child(root, 'title')),
    link: atomLink(root),
    items: children(root, 'entry').map(readAtomEntry),
  }
}

function readAtomEntry(entry: Element): FeedItem {
  const content = child(entry, 'content')
  const summary = child(entry, 'summary')
  const data: Record<string, unknown> = {
    title: atomText(child(entry, 'title')),
    link: atomLink(entry),
    guid: text(child(entry, 'id')),
    date: text(child(entry, 'published')) ?? text(child(entry, 'updated')),
    author: children(entry, 'author')
      .map((a) => text(child(a, 'name')))
      .filter(Boolean),
    categories: children(entry, 'category')
      .map((c) => attr(c, 'label') ?? attr(c, 'term'))
      .filter(Boolean),
    image: rssImage(entry),
    ...(content && summary ? { summary: atomHtml(summary) } : {}),
  }
  return { data, html: atomHtml(content ?? summary) }
}

function atomLink(el: Element): string | undefined {
  const links = children(el, 'link')
  const alternate =
    links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ??
    links[0]
  return attr(alternate, 'href')
}

/** Atom text constructs: `text` (escape), `html` (as is), `xhtml` (inner div). */
function atomHtml(el: Element | undefined): string {
  if (!el) return ''
  const type = attr(el, 'type') ?? 'text'
  if (type === 'xhtml') {
    const div = el.children.find((n): n is Element => n.type === 'tag')
    return div
      ? DomUtils.getInnerHTML(div, { xmlMode: false, decodeEntities: false })
      : ''
  }
  const value = DomUtils.textContent(el)
  return type === 'html' || /html/.test(type) ? value : escapeHtml(value)
}

function atomText(el: Element | undefined): string | undefined {
  if (!el) return undefined
  const type = attr(el, 'type') ?? 'text'
  return type === 'text' ? text(el) : scanHtml(atomHtml(el)).text || undefined
}

// --- helpers ---

function children(el: Element, name: string): Element[] {
  return el.children.filter(
    (n): n is Element =>
      n.type === 'tag' && n.name.toLowerCase() === name.toLowerCase(),
  )
}

function child(el: Element | undefined, name: string): Element | undefined {
  return el ? children(el, name)[0] : undefined
}

function text(el: Element | undefined): string | undefined {
  if (!el) return undefined
  const value = DomUtils.textContent(el).trim()
  return value === '' ? undefined : value
}

function attr(el: Element | undefined, name: string): string | undefined {
  return el?.attribs[name]?.trim() || undefined
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** Plain text as HTML paragraphs (JSON Feed `content_text`, Atom text). */
export function textToHtml(value: string): string {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}
