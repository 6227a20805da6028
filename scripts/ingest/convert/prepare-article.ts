import type {
  Article,
  ArticleSummary,
  CategoryPath,
} from '../../../src/lib/article-schema.ts'
import { encodeSearchRecord } from './search/search-record.ts'
import type { Converted } from './to-article.ts'

/**
 * An article serialised where it was made (a worker): its file's JSON, its
 * list item's bytes, its search record, and the few fields the main thread
 * keeps (everything but `articleJson`, which the worker writes: Done in
 * workers/run-task.ts).
 */
export type Prepared = {
  id: string
  link?: string
  dateMs: number
  notes: string[]
  paths: CategoryPath[]
  /** `articles/<id>.json`, ready to write. */
  articleJson: string
  /** The summary as a list-page item: compact JSON, UTF-8. */
  itemBytes: Uint8Array
  /** With `--images`: image keys it uses, and those not fetched yet. */
  images?: string[]
  wantImages?: string[]
  /** The search record (convert/search/search-record.ts), when asked for. */
  searchRecord?: Uint8Array
}

const ENCODER = new TextEncoder()

/**
 * Serialises a converted article once, where it was made (a worker).
 * Data files are compact JSON: they are read by the reader, not by people.
 */
export function prepareArticle(converted: Converted, search = false): Prepared {
  const { article, link, dateMs, notes, images, text } = converted
  return {
    id: article.id,
    ...(link ? { link } : {}),
    dateMs,
    notes,
    paths: article._zixun.categories,
    ...serialize(article),
    ...(images ? { images: images.keys, wantImages: images.wanted } : {}),
    ...(search
      ? { searchRecord: encodeSearchRecord(article.title, text) }
      : {}),
  }
}

/**
 * The summary's JSON and the article's, which is the same object with
 * `content_html` last: one stringify of the summary serves both.
 */
function serialize(
  article: Article,
): Pick<Prepared, 'articleJson' | 'itemBytes'> {
  const item = JSON.stringify(toSummary(article))
  const body = JSON.stringify(article.content_html)
  return {
    articleJson: `${item.slice(0, -1)},"content_html":${body}}\n`,
    // Its own exact-size buffer: a pooled Buffer.from(string) would carry
    // its whole 8 KB pool slab through postMessage to the main thread.
    itemBytes: ENCODER.encode(item),
  }
}

export function toSummary(article: Article): ArticleSummary {
  const { content_html: _body, ...summary } = article
  return summary
}
