import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  useSuspenseQuery,
} from '@tanstack/react-query'
import { useEffect, useMemo, type ReactNode } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import { paths, unreadOnly, type SearchParams } from '@/config/paths'
import { ArticleCard } from '@/features/articles/components/article-card'
import { findCategory } from '@/features/categories/find-category'
import { searchQueries } from '@/features/search/api/search-queries'
import type {
  ArticleSource,
  SearchRequest,
} from '@/features/search/api/search-session'
import { SearchResults } from '@/features/search/components/search-results'
import { searchStatus } from '@/features/search/search-status'
import type { Article, CategoryNode } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { manifestQueries } from '@/lib/manifest-queries'
import { articlePlainText } from '@/lib/sanitize'
import { useReadingValue } from '@/lib/reading/use-reading'
import { MAX_QUERY_LENGTH, parseQuery } from '@/lib/search/parse-query'
import { articleForResult } from './search-result-article'
import { useListReading } from './use-list-reading'

export const clientLoader = () => async () => null

/** Fetches the index's entry point ahead of the first query. */
export function warm(queryClient: QueryClient) {
  void queryClient.prefetchQuery(searchQueries.meta())
}

/** How the search gets articles: one per query client, so searches share their index reader. */
const sources = new WeakMap<QueryClient, ArticleSource>()
function sourceOf(queryClient: QueryClient): ArticleSource {
  let source = sources.get(queryClient)
  if (!source) {
    source = {
      article: (id) => articleForResult(queryClient, id),
      text: articleText,
    }
    sources.set(queryClient, source)
  }
  return source
}

/** The engine's request of a search URL's parameters: the category as its node. */
function requestOf(
  q: string,
  params: SearchParams,
  node: CategoryNode | undefined,
): SearchRequest {
  return { q, category: node?.key, sort: params.sort ?? 'relevance' }
}

/**
 * Starts the search the field is about to navigate to (`href`), when the
 * index's entry point is there: its files load while the navigation and
 * the route's render run, and the route finds the first page under way
 * (the same query). Saved searches, and a query that is no search, wait
 * for the route.
 */
export function start(queryClient: QueryClient, href: string) {
  const meta = queryClient.getQueryData(searchQueries.meta().queryKey)
  const manifest = queryClient.getQueryData(manifestQueries.get().queryKey)
  const searchParams = new URL(href, location.href).searchParams
  const params = paths.search.parse(searchParams)
  const q = searchParams.get('q') ?? ''
  if (!meta || !manifest || params.saved || parseQuery(q).problem) return
  const node = findCategory(manifest.categories, params.c ?? [])
  if (params.c?.length && !node) return
  void queryClient.prefetchInfiniteQuery(
    searchQueries.results(
      meta,
      requestOf(q, params, node),
      sourceOf(queryClient),
    ),
  )
}

/**
 * `/search?q=…&c=…&sort=newest&saved=1`: the URL is the search, so a link
 * shared or opened cold shows the same results. The index's entry point is
 * fetched here, not with the manifest; results come page by page from the
 * engine, each hit shown from its article file. With `saved=1` only the
 * saved articles are searched, in their own text (no index: offline too).
 */
export default function SearchRoute() {
  const messages = useMessages()
  const queryClient = useQueryClient()
  const [searchParams] = useSearchParams()
  const params = paths.search.parse(searchParams)
  const q = searchParams.get('q') ?? ''
  const { data: manifest } = useSuspenseQuery(manifestQueries.get())
  const categoryPath = params.c ?? []
  const node = findCategory(manifest.categories, categoryPath)
  const query = useMemo(() => parseQuery(q), [q])
  const saved = params.saved === true
  const meta = useQuery({ ...searchQueries.meta(), enabled: !saved })
  const savedArticles = useReadingValue((store) => store.savedArticles(), null)
  const savedIds = useMemo(
    () => savedArticles?.map((article) => article.id),
    [savedArticles],
  )
  const source = sourceOf(queryClient)
  const request = requestOf(q, params, node)
  // Two searches with one shape of pages (their keys differ, not their data).
  const options = saved
    ? (searchQueries.savedResults(
        {
          q,
          categoryPath: node?.path ?? [],
          sort: request.sort,
          ids: savedIds ?? [],
        },
        source,
      ) as unknown as ReturnType<typeof searchQueries.results>)
    : searchQueries.results(meta.data ?? EMPTY_META, request, source)
  const results = useInfiniteQuery({
    ...options,
    enabled:
      (saved ? savedIds !== undefined : meta.isSuccess) && !query.problem,
    placeholderData: keepPreviousData,
  })
  const current =
    results.data && !results.isPlaceholderData ? results.data : undefined
  const found = useMemo(
    () => results.data?.pages.flatMap((page) => page.results) ?? [],
    [results.data],
  )
  // Results are a list like the others: read cards, "unread only" in the
  // URL, mark all read (hit by hit), save and the card menu, m/s/Shift+A.
  const foundArticles = useMemo(() => found.map((r) => r.article), [found])
  const reading = useListReading(foundArticles, null, {
    hasMore: results.hasNextPage,
  })
  const { isRead, renderActions } = reading.listProps
  const listedIds = new Set(reading.listProps.articles.map((a) => a.id))
  const shown = found.filter((result) => listedIds.has(result.article.id))
  const renderCard = (
    article: Article,
    title: ReactNode,
    snippet: ReactNode,
  ) => (
    <ArticleCard
      article={article}
      titleContent={title}
      summaryContent={snippet}
      read={isRead?.(article)}
      renderActions={renderActions}
    />
  )
  const lastPage = current?.pages.at(-1)
  const estimate = lastPage?.estimate
  // The engine stopped at its read budget: the reader decides to go on.
  const paused = lastPage?.paused

  useEffect(() => {
    document.title = `${q ? messages.searchResultsFor(q) : messages.searchTitle} · ${messages.siteName}`
  }, [q, messages])
  // The benchmark measures from the debounced query to this paint.
  useEffect(() => {
    if (!current) return
    const frame = requestAnimationFrame(() =>
      performance.mark?.('zixun:search-painted', { detail: q }),
    )
    return () => cancelAnimationFrame(frame)
  }, [current, q])

  const failed =
    (!saved && meta.isError) ||
    (results.isError && !results.isFetchNextPageError)
  const missing = lastPage?.missing ?? 0
  const status = searchStatus(messages, {
    query,
    searching: !failed && !query.problem && !current,
    failed,
    estimate,
    paused: found.length === 0 ? paused : undefined,
  })
  const retry = () =>
    void (!saved && meta.isError ? meta.refetch() : results.refetch())
  const scope = node ? node.path.join(' › ') : undefined
  // A `c` the manifest does not know (renamed, mistyped): say so, search all.
  const unknownScope =
    categoryPath.length > 0 && !node ? categoryPath.join(' › ') : undefined

  return (
    <section className="search-page" aria-labelledby="search-title">
      <meta name="robots" content="noindex" />
      <h1 id="search-title" className="list-title">
        {q.trim()
          ? messages.searchResultsFor(query.text)
          : messages.searchTitle}
      </h1>
      <div className="search-options">
        {saved && (
          <p className="search-scope">
            {messages.searchInSaved} ·{' '}
            <Link to={paths.search.getHref({ ...params, saved: false })}>
              {messages.searchAllArticles}
            </Link>
          </p>
        )}
        {scope && (
          <p className="search-scope">
            {messages.searchIn(scope)} ·{' '}
            <Link to={paths.search.getHref({ ...params, c: [] })}>
              {messages.searchEverywhere}
            </Link>
          </p>
        )}
        {unknownScope && (
          <p className="search-scope">
            {messages.searchNoCategory(unknownScope)}
          </p>
        )}
        <SortLinks params={params} />
      </div>
      <p className="search-status" role="status">
        {status}
      </p>
      {query.truncated && (
        <p className="list-state">
          {messages.searchTruncated(MAX_QUERY_LENGTH)}
        </p>
      )}
      {failed && (
        <div className="list-state" role="alert">
          <p>{messages.searchFailed}</p>
          <button type="button" onClick={retry}>
            {messages.retry}
          </button>
        </div>
      )}
      {missing > 0 && (
        <div className="list-state" role="alert">
          <p>{messages.searchSavedMissing(missing)}</p>
          <button type="button" onClick={retry}>
            {messages.retry}
          </button>
        </div>
      )}
      {saved && savedIds?.length === 0 && (
        <p className="list-state">{messages.searchNoneSaved}</p>
      )}
      {query.problem === 'empty' && (
        <p className="list-state">
          {saved
            ? messages.searchEmptySaved
            : scope
              ? messages.searchEmptyIn(scope)
              : messages.searchEmpty}
        </p>
      )}
      {query.problem && query.problem !== 'empty' && (
        <p className="list-state">
          {query.problem === 'no-words'
            ? messages.searchNoWords
            : messages.searchOnlyExcluded}
        </p>
      )}
      {!query.problem && !failed && found.length > 0 && reading.toolbar}
      {found.length > 0 && shown.length === 0 && (
        <p className="list-state">{reading.listProps.emptyText}</p>
      )}
      {current && found.length === 0 && paused !== undefined && (
        <div className="list-state">
          <p>{messages.searchBudget(paused)}</p>
          <button
            type="button"
            onClick={() => void results.fetchNextPage()}
            disabled={results.isFetchingNextPage}
          >
            {results.isFetchingNextPage
              ? messages.loading
              : messages.searchMore}
          </button>
        </div>
      )}
      {current && found.length === 0 && paused === undefined && (
        <div className="list-state search-none">
          <p>{messages.searchNoResults(query.text)}</p>
          <p>{messages.searchHint}</p>
          <p>{messages.searchSyntax}</p>
        </div>
      )}
      {!query.problem && !failed && shown.length > 0 && results.data && (
        <div aria-busy={results.isPlaceholderData}>
          <SearchResults
            query={results.data.pages[0].query}
            results={shown}
            hasMore={results.hasNextPage}
            isLoadingMore={results.isFetchingNextPage}
            loadMoreFailed={results.isFetchNextPageError}
            onLoadMore={() => void results.fetchNextPage()}
            paused={paused}
            pausedEmpty={paused !== undefined && lastPage?.results.length === 0}
            renderCard={renderCard}
          />
        </div>
      )}
    </section>
  )
}

/** Relevance or newest first, as links: each order is a URL of its own. */
function SortLinks({ params }: { params: SearchParams }) {
  const messages = useMessages()
  const unread = unreadOnly.isOn(useLocation().search)
  const sort = params.sort ?? 'relevance'
  const options = [
    { value: 'relevance', label: messages.sortRelevance },
    { value: 'newest', label: messages.sortNewest },
  ] as const
  return (
    <nav className="search-sort" aria-label={messages.searchSort}>
      {messages.searchSort}:{' '}
      {options.map((option) => (
        <Link
          key={option.value}
          to={withUnread(
            paths.search.getHref({ ...params, sort: option.value }),
            unread,
          )}
          aria-current={sort === option.value ? 'true' : undefined}
          replace
        >
          {option.label}
        </Link>
      ))}
    </nav>
  )
}

/** `href` with "unread only" kept (another order of the same results). */
function withUnread(href: string, on: boolean): string {
  const [pathname, search = ''] = href.split('?')
  return pathname + unreadOnly.set(search, on)
}

/** An article's plain text as search reads it; the summary when it has no body. */
const texts = new WeakMap<Article, string>()
function articleText(article: Article): string {
  let text = texts.get(article)
  if (text === undefined) {
    text = articlePlainText(article.content_html) || article.summary
    texts.set(article, text)
  }
  return text
}

/** Stands in while the index file loads (the results query is disabled then). */
const EMPTY_META = {
  version: 1,
  docs: 0,
  avg_units: 1,
  terms: { bits: 0, group_bits: 0, groups: '' },
  prefixes: { bits: 0, group_bits: 0, groups: '' },
  ids: { bits: 0, group_bits: 0, groups: '' },
  categories: {},
} as const
