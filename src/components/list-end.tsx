import type { ReactNode, Ref } from 'react'
import { useMessages } from '@/lib/locale'

type ListEndProps = {
  /** The element whose coming into view loads the next page. */
  sentinel: Ref<HTMLDivElement>
  hasMore: boolean
  isLoadingMore: boolean
  /** Set when the last page failed: says so, and the button retries. */
  failedText?: string
  /** A line above the button (e.g. how far a search has looked). */
  note?: ReactNode
  /** The button's label while nothing is loading or failed. */
  moreLabel?: string
  /** Said when there is nothing more; nothing is said when omitted. */
  endText?: string
  onLoadMore: () => void
}

/**
 * The end of a list of cards (articles, search results): what failed, a
 * button for the next page (Retry after a failure) or the end of the list.
 */
export function ListEnd({
  sentinel,
  hasMore,
  isLoadingMore,
  failedText,
  note,
  moreLabel,
  endText,
  onLoadMore,
}: ListEndProps) {
  const messages = useMessages()
  return (
    <div ref={sentinel} className="list-end">
      {failedText && (
        <p role="alert" className="list-state">
          {failedText}
        </p>
      )}
      {note}
      {hasMore ? (
        <button type="button" onClick={onLoadMore} disabled={isLoadingMore}>
          {isLoadingMore
            ? messages.loading
            : failedText
              ? messages.retry
              : (moreLabel ?? messages.loadMore)}
        </button>
      ) : (
        endText && <p className="list-state">{endText}</p>
      )}
    </div>
  )
}
