import type { Article } from '@/lib/article-schema'
import { Search, type Estimate, type Hit } from '@/lib/search/engine'
import { IndexReader } from '@/lib/search/index-reader'
import type { ArticleText } from '@/lib/search/match-text'
import { parseQuery, type ParsedQuery } from '@/lib/search/parse-query'
import type { SearchMeta } from '@/lib/search/search-schema'
import { searchFiles } from './search-files'

/**
 * Hits per page of results: a first screen (six cards fill a 1280×800
 * window, more than a phone shows); more load as the reader scrolls.
 */
export const RESULTS_PER_PAGE = 6

/** What one search is asked: the URL's parameters, the category as its node key. */
export type SearchRequest = {
  q: string
  /** The category node's key, when the search is limited to one. */
  category?: string
  sort: 'relevance' | 'newest'
}

/** How the search gets an article and its plain text (composed by the route). */
export type ArticleSource = {
  article: (id: string) => Promise<Article>
  text: (article: Article) => string
}

/** One hit as the results list shows it. */
export type Result = { article: Article; text: string }

export type ResultPage = {
  page: number
  results: Result[]
  estimate: Estimate
  /** No results follow this page. */
  done: boolean
  query: ParsedQuery
  /** Saved articles that could not be read (offline and not kept): left out. */
  missing?: number
  /**
   * The engine stopped at its read budget before the page was full: the
   * articles it checked so far (the next page carries on).
   */
  paused?: number
}

type Session = {
  search: Search
  reader: IndexReader
  query: ParsedQuery
  hits: Result[]
  /** Hits found whose articles did not load yet (a failure, then Retry). */
  pending: Hit[]
  /** Where each page given ends in `hits` (a paused page ends early). */
  pageEnds: number[]
}

const sessions = new Map<string, Promise<Session>>()
/**
 * One reader per version of the index (and app: its source of articles),
 * shared by its searches: the group, shard and id files a search loaded
 * are there for the next one (the reader types on; each key is a new
 * search).
 */
const readers = new WeakMap<
  ArticleSource,
  { version: string; reader: IndexReader }
>()

function readerOf(meta: SearchMeta, source: ArticleSource): IndexReader {
  const version = indexVersion(meta)
  let shared = readers.get(source)
  if (shared?.version !== version) {
    shared = { version, reader: new IndexReader(meta, searchFiles) }
    readers.set(source, shared)
  }
  return shared.reader
}
/** Sessions kept for Back and Forward between a few searches. */
const KEPT_SESSIONS = 8

/** Names one version of the index: its groups' hashes change with any shard. */
export function indexVersion(meta: SearchMeta): string {
  return `${meta.docs}:${meta.terms.groups.slice(0, 32)}:${meta.ids.groups.slice(-16)}`
}

/** Key of a search over one version of the index (a new build, a new key). */
function sessionKey(meta: SearchMeta, request: SearchRequest): string {
  return JSON.stringify([
    indexVersion(meta),
    request.q,
    request.category,
    request.sort,
  ])
}

function openSession(
  meta: SearchMeta,
  request: SearchRequest,
  source: ArticleSource,
): Promise<Session> {
  const key = sessionKey(meta, request)
  const found = sessions.get(key)
  if (found) return found
  const session = (async () => {
    const reader = readerOf(meta, source)
    const query = parseQuery(request.q)
    const text = async (docnum: number): Promise<ArticleText> => {
      const article = await source.article(await reader.id(docnum))
      return { title: article.title, text: source.text(article) }
    }
    const search = await Search.start(reader, query, {
      sort: request.sort,
      category: request.category,
      text,
    })
    return { search, reader, query, hits: [], pending: [], pageEnds: [] }
  })()
  sessions.set(key, session)
  // A failed start is forgotten, so Retry starts again.
  session.catch(() => sessions.delete(key))
  while (sessions.size > KEPT_SESSIONS)
    sessions.delete(sessions.keys().next().value as string)
  return session
}

/**
 * Page `page` (0-based) of a search's results, with each hit's article
 * and text (the article file is what opening the result needs next).
 * Pages are the same whenever asked: hits found are kept in the session.
 * A page ends early (`paused`) when the engine read its budget of
 * articles first; the next page carries on where it stopped.
 */
export async function fetchResultPage(
  meta: SearchMeta,
  request: SearchRequest,
  page: number,
  source: ArticleSource,
): Promise<ResultPage> {
  // Phases for bench:search-profile: the engine's turn starts, hits are known, cards can be drawn.
  const mark = (name: string) =>
    performance.mark?.(`zixun:search-${name}`, { detail: request.q })
  mark('engine')
  const session = await openSession(meta, request, source)
  const start = page === 0 ? 0 : (session.pageEnds[page - 1] ?? 0)
  let end = session.pageEnds[page] ?? start + RESULTS_PER_PAGE
  let paused = false
  while (
    !paused &&
    session.hits.length < end &&
    (session.pending.length > 0 || !session.search.done)
  ) {
    if (session.pending.length === 0) {
      session.pending = await session.search.next(end - session.hits.length)
      paused = session.search.paused
      mark('hits')
    }
    const results = await Promise.all(
      session.pending.map(async (hit) => {
        const article = await source.article(
          await session.reader.id(hit.docnum),
        )
        return { article, text: source.text(article) }
      }),
    )
    session.pending = []
    session.hits.push(...results)
  }
  mark('results')
  const short = paused && session.hits.length < end
  if (short) end = session.hits.length
  session.pageEnds[page] ??= end
  const results = session.hits.slice(start, end)
  return {
    paused: short ? session.search.checked : undefined,
    page,
    results,
    estimate: session.search.estimate(),
    done:
      !short &&
      session.search.done &&
      session.pending.length === 0 &&
      session.hits.length <= end,
    query: session.query,
  }
}
