import type { QueryClient } from '@tanstack/react-query'
import {
  useQueryClient,
  useSuspenseInfiniteQuery,
  useSuspenseQuery,
} from '@tanstack/react-query'
import { useCallback, useEffect, useMemo } from 'react'
import type { LoaderFunctionArgs } from 'react-router'
import { useLocation } from 'react-router'
import { paths } from '@/config/paths'
import { articleQueries } from '@/features/articles/api/article-queries'
import { ensureListPages } from '@/features/articles/api/ensure-list-pages'
import {
  afterLoadAndIdle,
  browserConnection,
  createIdlePrefetcher,
} from '@/features/articles/api/idle-prefetch'
import { ArticleList } from '@/features/articles/components/article-list'
import {
  loadWindowedRows,
  needsWindowing,
} from '@/features/articles/components/list-layout'
import { CategoryBreadcrumb } from '@/features/categories/components/category-breadcrumb'
import { UnavailableOffline } from '@/features/offline/components/unavailable-offline'
import { useUnavailableOffline } from '@/features/offline/use-offline-availability'
import { ShareButton } from '@/features/share/components/share-button'
import type { ArticleSummary } from '@/lib/article-schema'
import { readListPlace } from '@/lib/entry-snapshots'
import { useMessages } from '@/lib/locale'
import { manifestQueries } from '@/lib/manifest-queries'
import type { LoadingLocation } from '../router'
import { fromListState } from './list-context'
import { notFound } from './not-found'
import { resolveList } from './resolve-list'
import { SearchScopeLink } from './search-scope-link'
import { useListReading } from './use-list-reading'

export const clientLoader =
  (queryClient: QueryClient, loading: LoadingLocation) =>
  async ({ request }: LoaderFunctionArgs) => {
    const manifest = await queryClient.ensureQueryData(manifestQueries.get())
    const { pathname } = new URL(request.url)
    const resolved = resolveList(manifest, pathname)
    if (!resolved) throw notFound()
    // Back, Forward and reload return to an entry that remembers how many
    // pages it showed: load them all before the view renders, so scroll
    // restoration lands on the same card. A link opens a new entry, which
    // remembers nothing.
    const place = readListPlace(loading().key, pathname)
    const pages = place?.pages ?? 1
    await Promise.all([
      ensureListPages(queryClient, resolved.list, pages),
      // A long list renders windowed from its first render.
      needsWindowing(pages * manifest.page_size) && loadWindowedRows(),
    ])
    return null
  }

/** `/` and `/c/<path>`: the newest articles, all or in one category. */
export default function ArticleListRoute() {
  const { data: manifest } = useSuspenseQuery(manifestQueries.get())
  const messages = useMessages()
  const location = useLocation()
  const resolved = resolveList(manifest, location.pathname) ?? {
    list: manifest.all,
    categoryPath: [],
  }
  const query = useSuspenseInfiniteQuery(
    articleQueries.list(resolved.list.base),
  )
  const queryClient = useQueryClient()
  const articles = useMemo(
    () => query.data.pages.flatMap((page) => page.items),
    [query.data.pages],
  )
  // Stable, so cards that stay in the window do not re-render while scrolling.
  const prefetcher = prefetcherFor(queryClient)
  const prefetch = prefetcher.request
  // Leaving the list, its waiting prefetches are no longer wanted.
  useEffect(() => () => prefetcher.clear(), [prefetcher])
  const isKnown = useCallback(
    (id: string) =>
      queryClient.getQueryData(articleQueries.detail(id).queryKey) !==
      undefined,
    [queryClient],
  )
  const unavailable = useUnavailableOffline(
    useMemo(() => articles.map((article) => article.id), [articles]),
    isKnown,
  )
  // Stable while online, so memoised cards stay put while scrolling.
  const renderActions = useMemo(
    () =>
      unavailable.size === 0
        ? renderShare
        : (article: ArticleSummary) => (
            <>
              {renderShare(article)}
              {unavailable.has(article.id) && <UnavailableOffline />}
            </>
          ),
    [unavailable],
  )
  const linkState = useMemo(
    () => fromListState(location.pathname),
    [location.pathname],
  )
  const { categoryPath } = resolved
  const reading = useListReading(
    articles,
    { manifest, path: categoryPath },
    { hasMore: query.hasNextPage, extraActions: renderActions },
  )
  const title = categoryPath.at(-1) ?? messages.all
  useEffect(() => {
    document.title = `${title} · ${messages.siteName}`
  }, [title, messages.siteName])
  return (
    <>
      {categoryPath.length > 0 && <CategoryBreadcrumb path={categoryPath} />}
      {categoryPath.length > 0 && (
        <SearchScopeLink
          to={paths.search.getHref({ c: categoryPath })}
          label={messages.searchInCategory}
        />
      )}
      <h1 className="list-title">
        {title}{' '}
        <span className="count">
          {messages.articleCount(resolved.list.count)}
        </span>
      </h1>
      {reading.toolbar}
      <ArticleList
        key={`${resolved.list.base}#${location.key}`}
        total={resolved.list.count}
        {...reading.listProps}
        isLoadingMore={query.isFetchingNextPage}
        loadMoreFailed={query.isFetchNextPageError}
        onLoadMore={() => void query.fetchNextPage()}
        entry={{
          key: location.key,
          href: location.pathname,
          pages: query.data.pages.length,
        }}
        linkState={linkState}
        onPrefetch={prefetch}
      />
    </>
  )
}

const prefetchers = new WeakMap<
  QueryClient,
  ReturnType<typeof createIdlePrefetcher>
>()

/**
 * The app's one prefetch queue: articles (data and route code) fetched
 * only after the first screen is idle, within the connection's budget.
 */
function prefetcherFor(queryClient: QueryClient) {
  let prefetcher = prefetchers.get(queryClient)
  if (!prefetcher) {
    prefetcher = createIdlePrefetcher({
      fetch: (id) =>
        Promise.all([
          import('./article-detail'),
          queryClient.prefetchQuery(articleQueries.detail(id)),
        ]),
      idle: afterLoadAndIdle,
      connection: browserConnection,
    })
    prefetchers.set(queryClient, prefetcher)
  }
  return prefetcher
}

/** A compact share button on each card (module-level: a stable reference). */
function renderShare(article: ArticleSummary) {
  return (
    <ShareButton
      compact
      title={article.title}
      href={paths.article.getHref(article.id)}
    />
  )
}
