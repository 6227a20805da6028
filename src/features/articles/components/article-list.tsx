import { messages } from '@/config/messages'
import type { ArticleSummary } from '@/lib/article-schema'
import { ArticleCard } from './article-card'
import { useOnVisible } from './use-on-visible'

export type ArticleListProps = {
  articles: ArticleSummary[]
  hasMore: boolean
  isLoadingMore: boolean
  loadMoreFailed: boolean
  onLoadMore: () => void
  onPrefetch?: (id: string) => void
}

/**
 * Cards newest first. More pages load as the reader nears the end; the
 * button is the fallback (no IntersectionObserver, keyboard users) and the
 * retry when a page fails.
 */
export function ArticleList(props: ArticleListProps) {
  const { articles, hasMore, isLoadingMore, loadMoreFailed, onLoadMore } = props
  const sentinel = useOnVisible<HTMLDivElement>(
    onLoadMore,
    hasMore && !isLoadingMore && !loadMoreFailed,
  )
  if (articles.length === 0) {
    return <p className="list-state">{messages.emptyList}</p>
  }
  return (
    <>
      <ol className="article-list">
        {articles.map((article) => (
          <li key={article.id}>
            <ArticleCard article={article} onPrefetch={props.onPrefetch} />
          </li>
        ))}
      </ol>
      <div ref={sentinel} className="list-end">
        {loadMoreFailed && (
          <p role="alert" className="list-state">
            {messages.pageLoadFailed}
          </p>
        )}
        {hasMore ? (
          <button type="button" onClick={onLoadMore} disabled={isLoadingMore}>
            {isLoadingMore
              ? messages.loading
              : loadMoreFailed
                ? messages.retry
                : messages.loadMore}
          </button>
        ) : (
          <p className="list-state">{messages.endOfList}</p>
        )}
      </div>
    </>
  )
}
