import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual'
import { memo, useRef, useState, type ReactNode } from 'react'
import type { ArticleSummary } from '@/lib/article-schema'
import {
  readListPlace,
  useEntrySnapshot,
  type ListPlace,
} from '@/lib/entry-snapshots'
import { ArticleCard } from './article-card'
import { useDocumentTop } from './use-document-top'
import { useListKeys } from './use-list-keys'

/** Rows re-render on every scroll frame; cards only when their props change. */
const Card = memo(ArticleCard)

/** Lists up to this long render every row: nothing to gain from windowing. */
const RENDER_ALL_UP_TO = 48
const OVERSCAN = 6
/** A card with a two-line title and three summary lines. */
const ESTIMATED_ROW = 170

/** The history entry a list is shown in, and how far it has loaded. */
export type ListEntry = {
  /** React Router's `location.key`. */
  key: string
  /** The list's pathname. */
  href: string
  /** Pages loaded so far. */
  pages: number
}

export type ArticleRowsProps = {
  articles: ArticleSummary[]
  /** The list's full length, for `aria-setsize`. */
  total: number
  /** Where this list's place is kept (one snapshot per history entry). */
  entry: ListEntry
  linkState?: unknown
  onPrefetch?: (id: string) => void
  renderActions?: (article: ArticleSummary) => ReactNode
  /** More pages to load (j past the last card loads the next). */
  hasMore?: boolean
  onLoadMore?: () => void
}

/**
 * The cards of a list, windowed against the page scroll: only the rows near
 * the viewport are in the DOM, each measured as it renders. The entry's
 * snapshot keeps the pages loaded, the measured sizes and the offset when
 * the list goes away (or the page is hidden), so Back and reload lay the
 * list out exactly as it was and the router's scroll restoration lands on
 * the same card.
 */
export function ArticleRows(props: ArticleRowsProps) {
  const { articles, entry } = props
  const listRef = useRef<HTMLOListElement>(null)
  const scrollMargin = useDocumentTop(listRef)
  const [restored] = useState(() => readListPlace(entry.key, entry.href))
  const virtualizer = useWindowVirtualizer({
    count: articles.length,
    estimateSize: () => ESTIMATED_ROW,
    overscan: articles.length <= RENDER_ALL_UP_TO ? articles.length : OVERSCAN,
    scrollMargin,
    getItemKey: (index) => articles[index].id,
    initialOffset: restored?.offset ?? 0,
    initialMeasurementsCache: toMeasurements(restored),
    // Let React batch scroll updates instead of rendering inside the event.
    useFlushSync: false,
  })
  const keys = useListKeys({
    articles,
    listRef,
    virtualizer,
    initial: restored?.current,
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
          />
        </li>
      ))}
    </ol>
  )
}

/**
 * Remembered sizes as the virtualizer's `initialMeasurementsCache` (it reads
 * only key and size), unless the viewport width changed since.
 */
function toMeasurements(place?: ListPlace): VirtualItem[] {
  if (!place || place.width !== window.innerWidth) return []
  return place.sizes.map(([key, size], index) => ({
    key,
    index,
    start: 0,
    end: size,
    size,
    lane: 0,
  }))
}
