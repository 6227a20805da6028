import { useEffect } from 'react'
import { useLocation } from 'react-router'
import { paths } from '@/config/paths'
import { ArticleList } from '@/features/articles/components/article-list'
import { ReadingData } from '@/features/reading/components/reading-data'
import { ShareButton } from '@/features/share/components/share-button'
import type { ArticleSummary } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { useReadingValue } from '@/lib/reading/use-reading'
import { fromListState } from './list-context'
import { SearchScopeLink } from './search-scope-link'
import { useListReading } from './use-list-reading'

const NONE: ArticleSummary[] = []
const noop = () => {}

/**
 * `/saved`: the articles saved for later, newest saved first, drawn from
 * what was stored when they were saved (nothing is fetched), with the
 * reader's data below (export, import, clear), and a link to search them
 * (`/search?saved=1`, their own text: offline too).
 */
export default function SavedListRoute() {
  const messages = useMessages()
  const location = useLocation()
  const saved = useReadingValue((store) => store.savedArticles(), null)
  const articles = useReadingValue(
    (store) => summariesOf(store.savedArticles()),
    NONE,
  )
  const reading = useListReading(articles, null, {
    hasMore: false,
    extraActions: renderShare,
  })
  useEffect(() => {
    document.title = `${messages.savedTitle} · ${messages.siteName}`
  }, [messages])
  return (
    <>
      <h1 className="list-title">
        {messages.savedTitle}{' '}
        {saved && (
          <span className="count">{messages.savedCount(saved.length)}</span>
        )}
      </h1>
      {saved && saved.length > 0 && (
        <SearchScopeLink
          to={paths.search.getHref({ saved: true })}
          label={messages.searchSaved}
        />
      )}
      {saved && saved.length > 0 && reading.toolbar}
      <ArticleList
        key={location.key}
        total={articles.length}
        isLoadingMore={false}
        loadMoreFailed={false}
        onLoadMore={noop}
        entry={{ key: location.key, href: location.pathname, pages: 1 }}
        linkState={fromListState(paths.saved.getHref())}
        {...reading.listProps}
        emptyText={
          articles.length === 0
            ? messages.savedEmpty
            : reading.listProps.emptyText
        }
      />
      <ReadingData />
    </>
  )
}

/** The cards, memoised per list of saved articles (the store keeps it until it changes). */
const cache = new WeakMap<object, ArticleSummary[]>()
function summariesOf(saved: readonly { summary: ArticleSummary }[]) {
  let summaries = cache.get(saved)
  if (!summaries) {
    summaries = saved.map((article) => article.summary)
    cache.set(saved, summaries)
  }
  return summaries
}

function renderShare(article: ArticleSummary) {
  return (
    <ShareButton
      compact
      title={article.title}
      href={paths.article.getHref(article.id)}
    />
  )
}
