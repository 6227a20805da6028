import type { ReactNode } from 'react'
import type { ArticleSummary } from '@/lib/article-schema'
import { ListEnd } from '@/components/list-end'
import { useMessages } from '@/lib/locale'
import type { ArticleCardProps } from './article-card'
import { ArticleRows, type ListEntry } from './article-rows'
import { useOnVisible } from '@/lib/use-on-visible'

export type ArticleListProps = {
  articles: ArticleSummary[]
  /** The list's full length (the manifest's count). */
  total: number
  hasMore: boolean
  isLoadingMore: boolean
  loadMoreFailed: boolean
  onLoadMore: () => void
  /** The history entry the list is shown in, where its place is kept. */
  entry: ListEntry
  /** Navigation state each title link carries (the list it was opened from). */
  linkState?: unknown
  onPrefetch?: ArticleCardProps['onPrefetch']
  /** Extra controls on each card (composed by the route: share). */
  renderActions?: (article: ArticleSummary) => ReactNode
  /** Whether an article is read (undefined: not known, e.g. prerendered). */
  isRead?: (article: ArticleSummary) => boolean | undefined
  onScrolledPast?: (article: ArticleSummary) => void
  /** What an empty list says (default: no articles yet). */
  emptyText?: string
  /** What the end of the list says (default: the end). */
  endText?: string
}

/**
 * Cards newest first. More pages load as the reader nears the end; the
 * button is the fallback (no IntersectionObserver, keyboard users) and the
 * retry when a page fails.
 */
export function ArticleList(props: ArticleListProps) {
  const { articles, hasMore, isLoadingMore, loadMoreFailed, onLoadMore } = props
  const messages = useMessages()
  const sentinel = useOnVisible<HTMLDivElement>(
    onLoadMore,
    hasMore && !isLoadingMore && !loadMoreFailed,
  )
  if (articles.length === 0) {
    return (
      <>
        <p className="list-state list-empty">
          {props.emptyText ?? messages.emptyList}
        </p>
        {hasMore && (
          <ListEnd
            sentinel={sentinel}
            hasMore
            isLoadingMore={isLoadingMore}
            onLoadMore={onLoadMore}
          />
        )}
      </>
    )
  }
  return (
    <>
      <ArticleRows
        articles={articles}
        total={props.total}
        entry={props.entry}
        linkState={props.linkState}
        onPrefetch={props.onPrefetch}
        renderActions={props.renderActions}
        isRead={props.isRead}
        onScrolledPast={props.onScrolledPast}
        hasMore={hasMore && !loadMoreFailed}
        onLoadMore={isLoadingMore ? undefined : onLoadMore}
      />
      <ListEnd
        sentinel={sentinel}
        hasMore={hasMore}
        isLoadingMore={isLoadingMore}
        failedText={loadMoreFailed ? messages.pageLoadFailed : undefined}
        endText={props.endText ?? messages.endOfList}
        onLoadMore={onLoadMore}
      />
    </>
  )
}
