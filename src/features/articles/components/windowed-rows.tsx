import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual'
import { memo, useRef, useState } from 'react'
import { readListPlace, useEntrySnapshot } from '@/lib/entry-snapshots'
import { ArticleCard } from './article-card'
import type { ArticleRowsProps } from './list-layout'
import { useDocumentTop } from './use-document-top'
import { useListKeys } from './use-list-keys'
import { getCurrentCard } from '@/lib/current-card'

/** Rows re-render on every scroll frame; cards only when their props change. */
const Card = memo(ArticleCard)

const OVERSCAN = 6
/** A card with a two-line title and three summary lines. */
const ESTIMATED_ROW = 170

export type WindowedRowsProps = ArticleRowsProps & {
  /** Heights of rows already laid out in the page's flow, by article id. */
  measured?: readonly [string, number][]
}

/**
 * The cards of a long list, windowed against the page scroll: only the
 * rows near the viewport are in the DOM, each measured as it renders. The
 * entry's snapshot keeps the pages loaded, the measured sizes and the
 * offset when the list goes away (or the page is hidden), so Back and
 * reload lay the list out exactly as it was and the router's scroll
 * restoration lands on the same card. A list that grows past the flow
 * layout starts from the heights its rows had there, so nothing moves.
 */
export function WindowedRows(props: WindowedRowsProps) {
  const { articles, entry } = props
  const listRef = useRef<HTMLOListElement>(null)
  const scrollMargin = useDocumentTop(listRef)
  const [restored] = useState(() => readListPlace(entry.key, entry.href))
  const [initial] = useState(() => {
    // Sizes measured at another viewport width do not hold any more.
    const sameWidth = restored?.width === window.innerWidth
    return {
      offset: restored?.offset ?? window.scrollY,
      sizes: (sameWidth ? restored?.sizes : props.measured) ?? [],
    }
  })
  const virtualizer = useWindowVirtualizer({
    count: articles.length,
    estimateSize: () => ESTIMATED_ROW,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (index) => articles[index].id,
    initialOffset: initial.offset,
    initialMeasurementsCache: toMeasurements(initial.sizes),
    // Let React batch scroll updates instead of rendering inside the event.
    useFlushSync: false,
  })
  // A list that outgrew the flow rows keeps the card they had selected.
  const [selected] = useState(
    () => restored?.current ?? getCurrentCard() ?? undefined,
  )
  const keys = useListKeys({
    articles,
    listRef,
    scrollToIndex: (index) =>
      virtualizer.scrollToIndex(index, { align: 'center' }),
    initial: selected,
    linkState: props.linkState,
    hasMore: props.hasMore,
    onLoadMore: props.onLoadMore,
  })
  useEntrySnapshot(entry.key, () => ({
    list: {
      href: entry.href,
      pages: entry.pages,
      offset: virtualizer.scrollOffset ?? window.scrollY,
      width: window.innerWidth,
      sizes: virtualizer
        .takeSnapshot()
        .map((item) => [String(item.key), item.size]),
      current: keys.selectedId() ?? undefined,
    },
  }))
  return (
    <ol
      className="article-list"
      data-windowed=""
      ref={listRef}
      onFocus={keys.onFocus}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((row) => (
        <li
          key={row.key}
          data-index={row.index}
          ref={virtualizer.measureElement}
          aria-posinset={row.index + 1}
          aria-setsize={props.total}
          style={{ top: row.start - scrollMargin }}
        >
          <Card
            article={articles[row.index]}
            linkState={props.linkState}
            onPrefetch={props.onPrefetch}
            renderActions={props.renderActions}
            read={props.isRead?.(articles[row.index])}
            onScrolledPast={props.onScrolledPast}
          />
        </li>
      ))}
    </ol>
  )
}

/**
 * Known sizes as the virtualizer's `initialMeasurementsCache` (it reads
 * only key and size).
 */
function toMeasurements(sizes: readonly [string, number][]): VirtualItem[] {
  return sizes.map(([key, size], index) => ({
    key,
    index,
    start: 0,
    end: size,
    size,
    lane: 0,
  }))
}
