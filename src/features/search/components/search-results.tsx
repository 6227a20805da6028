import type { ReactNode } from 'react'
import type { Article } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import type { ParsedQuery } from '@/lib/search/parse-query'
import { useOnVisible } from '@/lib/use-on-visible'
import type { Result } from '../api/search-session'
import { matchRanges, snippetOf } from '../highlight'
import { MarkedText } from './marked-text'

export type SearchResultsProps = {
  query: ParsedQuery
  results: Result[]
  hasMore: boolean
  isLoadingMore: boolean
  loadMoreFailed: boolean
  onLoadMore: () => void
  /**
   * The engine stopped at its read budget (the articles checked so far):
   * say so, and go on only when asked if this stretch found nothing.
   */
  paused?: number
  /** The last stretch found nothing: scrolling does not go on by itself. */
  pausedEmpty?: boolean
  /** Draws one hit as a list card (composed by the route), with these contents. */
  renderCard: (
    article: Article,
    title: ReactNode,
    snippet: ReactNode,
  ) => ReactNode
}

/**
 * The hits, best (or newest) first: each a list card whose title marks the
 * words found and whose summary is a snippet of the text around the first
 * match. More load as the reader nears the end; the button is the fallback
 * and the retry.
 */
export function SearchResults(props: SearchResultsProps) {
  const { query, results, hasMore, isLoadingMore, loadMoreFailed, onLoadMore } =
    props
  const { paused, pausedEmpty } = props
  const messages = useMessages()
  const sentinel = useOnVisible<HTMLDivElement>(
    onLoadMore,
    hasMore && !isLoadingMore && !loadMoreFailed && !pausedEmpty,
  )
  return (
    <>
      <ol className="search-results">
        {results.map(({ article, text }) => (
          <li key={article.id}>
            {props.renderCard(
              article,
              <Title query={query} title={article.title} />,
              <Snippet query={query} text={text} />,
            )}
          </li>
        ))}
      </ol>
      <div ref={sentinel} className="list-end">
        {loadMoreFailed && (
          <p className="list-state" role="alert">
            {messages.searchMoreFailed}
          </p>
        )}
        {paused !== undefined && !isLoadingMore && (
          <p className="list-state">{messages.searchBudget(paused)}</p>
        )}
        {hasMore ? (
          <button type="button" onClick={onLoadMore} disabled={isLoadingMore}>
            {isLoadingMore
              ? messages.loading
              : loadMoreFailed
                ? messages.retry
                : paused !== undefined
                  ? messages.searchMore
                  : messages.loadMore}
          </button>
        ) : (
          <p className="list-state">{messages.searchEnd}</p>
        )}
      </div>
    </>
  )
}

function Title({ query, title }: { query: ParsedQuery; title: string }) {
  return <MarkedText text={title} ranges={matchRanges(query, title)} />
}

function Snippet({ query, text }: { query: ParsedQuery; text: string }) {
  const snippet = snippetOf(text, matchRanges(query, text))
  return (
    <>
      {snippet.before && '… '}
      <MarkedText text={snippet.text} ranges={snippet.ranges} />
      {snippet.after && ' …'}
    </>
  )
}
