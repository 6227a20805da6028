import type { ReactNode } from 'react'
import type { Article } from '@/lib/article-schema'
import { ListEnd } from '@/components/list-end'
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
      <ListEnd
        sentinel={sentinel}
        hasMore={hasMore}
        isLoadingMore={isLoadingMore}
        failedText={loadMoreFailed ? messages.searchMoreFailed : undefined}
        note={
          paused !== undefined &&
          !isLoadingMore && (
            <p className="list-state">{messages.searchBudget(paused)}</p>
          )
        }
        moreLabel={paused !== undefined ? messages.searchMore : undefined}
        endText={messages.searchEnd}
        onLoadMore={onLoadMore}
      />
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
