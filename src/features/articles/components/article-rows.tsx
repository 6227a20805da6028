import { memo, useEffect, useRef, useState } from 'react'
import { readListPlace, useEntrySnapshot } from '@/lib/entry-snapshots'
import { ArticleCard } from './article-card'
import {
  loadedWindowedRows,
  loadWindowedRows,
  needsWindowing,
  RENDER_ALL_UP_TO,
  type ArticleRowsProps,
} from './list-layout'
import { useListKeys } from './use-list-keys'

export type { ArticleRowsProps, ListEntry } from './list-layout'

/** Rows re-render as the list grows; cards only when their props change. */
const Card = memo(ArticleCard)

/**
 * The cards of a list. Up to `RENDER_ALL_UP_TO` rows they are in the
 * page's normal flow — what the server prerenders and the browser
 * hydrates, with no windowing code loaded. A longer list switches to
 * windowed rows once their module is in, starting from the heights the
 * rows had in the flow, so nothing moves; until then it shows its first
 * rows.
 */
export function ArticleRows(props: ArticleRowsProps) {
  const windowed = needsWindowing(props.articles.length)
  const [module, setModule] = useState(loadedWindowedRows)
  const listRef = useRef<HTMLOListElement>(null)
  const [measured, setMeasured] = useState<[string, number][]>()
  useEffect(() => {
    if (!windowed || module) return
    let live = true
    void loadWindowedRows().then((loaded) => {
      if (!live) return
      setMeasured(measureRows(listRef.current, props.articles))
      setModule(loaded)
    })
    return () => {
      live = false
    }
  }, [windowed, module, props.articles])
  if (windowed && module) {
    return <module.WindowedRows {...props} measured={measured} />
  }
  return <FlowRows {...props} listRef={listRef} />
}

type FlowRowsProps = ArticleRowsProps & {
  listRef: React.RefObject<HTMLOListElement | null>
}

/** Every row (at most `RENDER_ALL_UP_TO`) in the page's flow. */
function FlowRows({ listRef, ...props }: FlowRowsProps) {
  const { entry, articles } = props
  const [restored] = useState(() => readListPlace(entry.key, entry.href))
  const keys = useListKeys({
    articles,
    listRef,
    // Every row is rendered: a card is selected where it is.
    scrollToIndex: () => {},
    initial: restored?.current,
    linkState: props.linkState,
    hasMore: props.hasMore,
    onLoadMore: props.onLoadMore,
  })
  useEntrySnapshot(entry.key, () => ({
    list: {
      href: entry.href,
      pages: entry.pages,
      offset: window.scrollY,
      width: window.innerWidth,
      sizes: measureRows(listRef.current, articles),
      current: keys.selectedId() ?? undefined,
    },
  }))
  return (
    <ol className="article-list" ref={listRef} onFocus={keys.onFocus}>
      {articles.slice(0, RENDER_ALL_UP_TO).map((article, index) => (
        <li
          key={article.id}
          data-index={index}
          aria-posinset={index + 1}
          aria-setsize={props.total}
        >
          <Card
            article={article}
            linkState={props.linkState}
            onPrefetch={props.onPrefetch}
            renderActions={props.renderActions}
            read={props.isRead?.(article)}
            onScrolledPast={props.onScrolledPast}
          />
        </li>
      ))}
    </ol>
  )
}

/** The heights of the rows laid out in `list`, by article id. */
function measureRows(
  list: HTMLOListElement | null,
  articles: ArticleRowsProps['articles'],
): [string, number][] {
  if (!list) return []
  return [...list.children].flatMap((row, index) => {
    // As the virtualizer measures rows.
    const height = (row as HTMLElement).offsetHeight
    // No layout (a hidden tab): let the windowed rows measure them.
    return height > 0 ? [[articles[index].id, height] as [string, number]] : []
  })
}
