import {
  articleUrl,
  type Article,
  type Author,
} from '../../../src/lib/article-schema.ts'
import { deriveId } from './fields/article-id.ts'
import { applyBodyEdits } from './body/body-edits.ts'
import type { RawPost } from '../read/input-types.ts'
import { cleanName, readCategories } from './fields/categories.ts'
import { cleanUrl, resolveUrl, urlResolver } from './fields/clean-url.ts'
import { PostError } from '../shared/errors.ts'
import { scanHtml } from './body/html-text.ts'
import { stripInlineScript } from './body/strip-inline-script.ts'
import { formatRfc3339, parseDate } from './fields/parse-date.ts'
import { readingMinutes } from './fields/reading-time.ts'
import { summarize } from './fields/summary.ts'
import { pickThumbnail, usableImage } from './fields/thumbnail.ts'
import {
  ImageLookups,
  pictureTag,
  type ImageContext,
} from './fields/mirrored-images.ts'
import { LAZY_SOURCE_ATTRIBUTES } from '../../../src/lib/url-attributes.ts'
import { cleanTitle, fallbackTitle } from './fields/title.ts'

export type Converted = {
  article: Article
  /** The original link, cleaned; duplicates share it. */
  link?: string
  dateMs: number
  /** Things the report should say about a post that was still written. */
  notes: string[]
  /** With `--images`: the images it uses, and those not fetched yet. */
  images?: { keys: string[]; wanted: string[] }
  /** The body's plain text (else the summary): what search indexes. */
  text: string
}

export type ToArticleOptions = { timeZone: string; images?: ImageContext }

const DATE_FIELDS = [
  'date',
  'pubdate',
  'published',
  'date_published',
  'created',
  'updated',
  'lastmod',
]
const LINK_FIELDS = [
  'original_link',
  'link',
  'url',
  'external_url',
  'source',
  'canonical',
  'canonical_url',
  'original',
  'permalink',
]
const SUMMARY_FIELDS = ['summary', 'description', 'excerpt']

/**
 * Turns one raw post into a contract Article. Pure: no I/O, no clock.
 * Throws PostError when the post cannot be used.
 */
export function toArticle(raw: RawPost, options: ToArticleOptions): Converted {
  const { data } = raw
  if (isDraft(data))
    throw new PostError('draft (published: false / draft: true)')
  const notes = [...(raw.notes ?? [])]
  const dateMs = readDate(raw, options, notes)
  const link = readLink(raw)
  const resolve = urlResolver(link, raw.keepRootRelative ?? false)
  // One parse for text, images and the body's edits; relative URLs are
  // resolved only against a known original link.
  const lookups = options.images && new ImageLookups(options.images)
  const imageTag =
    lookups && options.images?.mode === 'all'
      ? (attrs: Record<string, string>) => {
          const src = IMAGE_SOURCES.map((k) => attrs[k]).find(Boolean)
          const url = src && usableImage(src, resolve)
          const set = url ? lookups.get('body', url) : undefined
          return set && pictureTag(set, attrs)
        }
      : undefined
  const body = scanHtml(raw.html, link ? resolve : undefined, imageTag)
  const explicitSummary = firstOf(SUMMARY_FIELDS, data, plainText)
  const text = body.text || explicitSummary || ''
  const title =
    cleanTitle(data.title, body.text) ||
    fallbackTitle(text, raw.relPath.split('/').pop() ?? '')
  if (text === '' && !hasText(data.title))
    throw new PostError('empty post: no title and no body')
  const id = deriveId(data, link, raw.relPath)
  const { paths, tags } = readCategories(data, raw.categoryStyle)
  const authors = readAuthors(data.author ?? data.authors)
  const thumb = pickThumbnail(data, body.images, resolve)
  const imageSet = thumb && lookups?.get('card', thumb.image)
  const source =
    cleanName(raw.source) ??
    nameOf(data.source) ??
    nameOf(data.site) ??
    authors[0]?.name
  const article: Article = {
    id,
    url: articleUrl(id),
    ...(link ? { external_url: link } : {}),
    title,
    summary: summarize(explicitSummary || text),
    ...(thumb ? { image: thumb.image } : {}),
    date_published: formatRfc3339(dateMs),
    authors,
    tags,
    _zixun: {
      categories: paths,
      reading_minutes: readingMinutes(body.text),
      ...(thumb?.size ? { image_size: thumb.size } : {}),
      ...(imageSet ? { image_set: imageSet } : {}),
      ...(source ? { source } : {}),
    },
    content_html: stripInlineScript(
      applyBodyEdits(raw.html, body.edits),
    ).trim(),
  }
  const images = lookups && { keys: lookups.keys, wanted: lookups.wanted }
  // What a reader sees: the body's text, or (no body) the card's summary.
  const searchText = body.text || article.summary
  return {
    article,
    link,
    dateMs,
    notes,
    text: searchText,
    ...(images ? { images } : {}),
  }
}

/** Where an `<img>`'s URL is read from: the lazy-loading attributes first. */
const IMAGE_SOURCES = [...LAZY_SOURCE_ATTRIBUTES, 'src']

/** The original link, cleaned; a feed item's relative link resolved. */
function readLink(raw: RawPost): string | undefined {
  return firstOf(LINK_FIELDS, raw.data, (value) =>
    cleanUrl(
      typeof value === 'string' ? resolveUrl(value, raw.linkBase) : value,
    ),
  )
}

function readDate(
  raw: RawPost,
  options: ToArticleOptions,
  notes: string[],
): number {
  const field = DATE_FIELDS.find(
    (f) => raw.data[f] !== undefined && raw.data[f] !== '',
  )
  const value = field ? raw.data[field] : undefined
  const ms = parseDate(value, options.timeZone)
  if (ms !== undefined) return ms
  const problem = field
    ? `unreadable date ${JSON.stringify(String(value))}`
    : 'no date'
  if (raw.mtimeMs === undefined) throw new PostError(problem)
  notes.push(`${problem}; used the file's modification time`)
  return Math.floor(raw.mtimeMs / 1000) * 1000
}

function firstOf(
  fields: string[],
  data: Record<string, unknown>,
  read: (value: unknown) => string | undefined,
): string | undefined {
  for (const field of fields) {
    const value = read(data[field])
    if (value) return value
  }
  return undefined
}

function plainText(value: unknown): string | undefined {
  return typeof value === 'string'
    ? scanHtml(value).text || undefined
    : undefined
}

function hasText(value: unknown): boolean {
  return (
    (typeof value === 'string' || typeof value === 'number') &&
    String(value).trim() !== ''
  )
}

function isDraft(data: Record<string, unknown>): boolean {
  return isTrue(data.draft) || isFalse(data.published)
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true'
}

function isFalse(value: unknown): boolean {
  return value === false || value === 'false'
}

/** A display name from a scalar or `{ name }`; URLs are not names. */
function nameOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return nameOf((value as Record<string, unknown>).name)
  }
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const name = String(value).replace(/\s+/g, ' ').trim()
  return name === '' || /^https?:\/\//i.test(name) ? undefined : name
}

function readAuthors(value: unknown): Author[] {
  const list = Array.isArray(value) ? value : [value]
  const names = list.map(nameOf).filter((n): n is string => n !== undefined)
  return [...new Set(names)].map((name) => ({ name }))
}
