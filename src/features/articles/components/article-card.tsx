import type { ReactNode } from 'react'
import { DateTime } from '@/components/date-time'
import { Link } from 'react-router'
import { paths } from '@/config/paths'
import type { ArticleSummary } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import type { PrefetchReason } from '../api/idle-prefetch'
import { ArticleThumbnail } from './article-thumbnail'
import { CategoryLinks } from './category-links'
import { HydrationPart, useHydrated } from '@/lib/use-hydrated'
import { useOnVisible } from '@/lib/use-on-visible'
import { usePrefersTouch } from './use-prefers-touch'
import { useScrolledPast } from './use-scrolled-past'

export type ArticleCardProps = {
  article: ArticleSummary
  /** Navigation state the title link carries (the list it is part of). */
  linkState?: unknown
  /** Asked to prefetch the article: the reader points at it, or it is in view on a touch screen. */
  onPrefetch?: (id: string, reason: PrefetchReason) => void
  /** Composed by the route, e.g. a compact share button (a stable function, so memoised cards stay put while scrolling). */
  renderActions?: (article: ArticleSummary) => ReactNode
  /** Whether the reader has read it; undefined while that is not known (prerendered). */
  read?: boolean
  /** Called once the card has scrolled up out of view ("mark as read when scrolled past"). */
  onScrolledPast?: (article: ArticleSummary) => void
  /** The title as shown (search marks the words it found); default the title. */
  titleContent?: ReactNode
  /** What stands in for the summary (search: a snippet around the match). */
  summaryContent?: ReactNode
}

/**
 * One list entry; the title is a real link so it can be opened in a new
 * tab. On a prerendered list each card makes the switch after hydration
 * (language, local date, reading state) in a turn of its own.
 */
export function ArticleCard(props: ArticleCardProps) {
  return (
    <HydrationPart>
      <CardContent {...props} />
    </HydrationPart>
  )
}

function CardContent({
  article,
  linkState,
  onPrefetch,
  renderActions,
  read: knownRead,
  onScrolledPast,
  titleContent,
  summaryContent,
}: ArticleCardProps) {
  const messages = useMessages()
  // What the list knows of the reader, shown once this card has switched.
  const read = useHydrated() ? knownRead : undefined
  const source = article._zixun.source ?? article.authors[0]?.name
  const prefetch = onPrefetch
    ? () => onPrefetch(article.id, 'intent')
    : undefined
  // Touch screens cannot hover: fetch the article once its card is on screen.
  const isTouch = usePrefersTouch()
  const card = useOnVisible<HTMLElement>(
    () => onPrefetch?.(article.id, 'view'),
    isTouch && onPrefetch !== undefined,
    '0px',
  )
  useScrolledPast(
    card,
    () => onScrolledPast?.(article),
    read === false && onScrolledPast !== undefined,
  )
  return (
    <article
      className="card"
      aria-labelledby={`title-${article.id}`}
      data-article-id={article.id}
      data-read={read}
      ref={card}
    >
      <ArticleThumbnail
        src={article.image}
        size={article._zixun.image_size}
        set={article._zixun.image_set}
      />
      <div className="card-body">
        <h2 className="card-title" id={`title-${article.id}`}>
          <Link
            to={paths.article.getHref(article.id)}
            state={linkState}
            onMouseEnter={prefetch}
            onFocus={prefetch}
            onTouchStart={prefetch}
          >
            {titleContent ?? article.title}
          </Link>
        </h2>
        <p className="card-meta">
          {read === false && (
            <span className="unread-marker">{messages.unread}</span>
          )}
          <DateTime iso={article.date_published} />
          {source && <span className="card-source">{source}</span>}
          <CategoryLinks categories={article._zixun.categories} />
          {renderActions?.(article)}
        </p>
        {summaryContent !== undefined ? (
          <p className="card-summary">{summaryContent}</p>
        ) : (
          article.summary && <p className="card-summary">{article.summary}</p>
        )}
      </div>
    </article>
  )
}
