import type { Article } from '@/lib/article-schema'
import { parseQuery } from '@/lib/search/parse-query'
import { rankTexts } from '@/lib/search/rank-texts'
import {
  RESULTS_PER_PAGE,
  type ArticleSource,
  type Result,
  type ResultPage,
} from './search-session'

/** A search of the saved articles: the ids saved, and the URL's other parameters. */
export type SavedRequest = {
  q: string
  /** Only articles in this category path or below it (empty: all). */
  categoryPath: readonly string[]
  sort: 'relevance' | 'newest'
  /** The saved articles' ids, as the reading store has them. */
  ids: readonly string[]
}

type Ranked = { results: Result[]; missing: number }

/** Searches ranked, per source of articles (one per app), for the next pages. */
const bySource = new WeakMap<ArticleSource, Map<string, Promise<Ranked>>>()
/** Searches kept for Back and Forward. */
const KEPT = 8

function inPath(article: Article, path: readonly string[]): boolean {
  return article._zixun.categories.some((category) =>
    path.every((name, i) => category[i] === name),
  )
}

async function rank(request: SavedRequest, source: ArticleSource) {
  const query = parseQuery(request.q)
  const settled = await Promise.allSettled(request.ids.map(source.article))
  const articles = settled
    .flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
    .filter((article) => inPath(article, request.categoryPath))
    // Newest first: the order of `newest`, and of relevance's ties.
    .sort((a, b) => Date.parse(b.date_published) - Date.parse(a.date_published))
  const texts = articles.map((article) => source.text(article))
  const hits = rankTexts(
    query,
    articles.map((article, i) => ({ title: article.title, text: texts[i] })),
    request.sort,
  )
  return {
    results: hits.map(({ index }) => ({
      article: articles[index],
      text: texts[index],
    })),
    missing: settled.filter((s) => s.status === 'rejected').length,
  }
}

/**
 * Page `page` (0-based) of a search of the saved articles. They are few
 * and the device keeps them (decision 025), so they are searched in their
 * own text, not through the index: exact, and offline too. An article that
 * cannot be read (offline, not kept yet) is left out and counted in
 * `missing`; asking again (Retry) reads it again.
 */
export async function fetchSavedResultPage(
  request: SavedRequest,
  page: number,
  source: ArticleSource,
): Promise<ResultPage> {
  const key = JSON.stringify(request)
  let searches = bySource.get(source)
  if (!searches) {
    searches = new Map()
    bySource.set(source, searches)
  }
  let ranked = searches.get(key)
  if (!ranked) {
    ranked = rank(request, source)
    searches.set(key, ranked)
    while (searches.size > KEPT)
      searches.delete(searches.keys().next().value as string)
  }
  const { results, missing } = await ranked
  // What could not be read is read again on the next ask.
  if (missing > 0) searches.delete(key)
  const end = (page + 1) * RESULTS_PER_PAGE
  return {
    page,
    results: results.slice(page * RESULTS_PER_PAGE, end),
    estimate: { count: results.length, exact: true },
    done: end >= results.length,
    query: parseQuery(request.q),
    missing,
  }
}
