import { useCallback, type ReactNode } from 'react'
import type { ArticleListProps } from '@/features/articles/components/article-list'
import { CardActions } from '@/features/reading/components/card-actions'
import { ListToolbar } from '@/features/reading/components/list-toolbar'
import { SaveToggle } from '@/features/reading/components/save-toggle'
import { useListKeys } from '@/features/reading/use-list-keys'
import {
  useListMarks,
  type ManifestList,
} from '@/features/reading/use-list-marks'
import { useMarkOnScroll } from '@/features/reading/use-mark-on-scroll'
import { useUnreadFilter } from '@/features/reading/use-unread-filter'
import type { ArticleSummary } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { markedListOf } from '@/lib/reading/marked-list'
import { useReadingStore, useReadingVersion } from '@/lib/reading/use-reading'
import { useHydrated } from '@/lib/use-hydrated'

type ReadingListProps = Pick<
  ArticleListProps,
  | 'articles'
  | 'isRead'
  | 'onScrolledPast'
  | 'renderActions'
  | 'emptyText'
  | 'endText'
  | 'hasMore'
> & { total?: number }

/**
 * Reading state on any list view (all, a category, saved, search results):
 * read cards and the unread marker, "unread only" from the URL, mark all /
 * mark older read with Undo, mark as read when scrolled past, save and the
 * card menu on each card, and the keys `m`, `s`, `Shift+A`. `loaded` are
 * the list's loaded articles, newest first; `list` names it in the
 * manifest (null for lists of known items); `extraActions` are the
 * route's own card controls (share).
 */
export function useListReading(
  loaded: ArticleSummary[],
  list: ManifestList | null,
  options: {
    hasMore: boolean
    extraActions?: (article: ArticleSummary) => ReactNode
  },
): { toolbar: ReactNode; listProps: ReadingListProps } {
  const store = useReadingStore()
  const messages = useMessages()
  const hydrated = useHydrated()
  const version = useReadingVersion()
  const filter = useUnreadFilter()
  const marks = useListMarks(loaded, list)
  const [markOnScroll] = useMarkOnScroll()
  useListKeys(loaded, marks.markAll)
  const { markOlder } = marks
  const { extraActions } = options
  // Known from the start: each card shows it from its own switch after
  // hydration (decision 029), so the frame's switch leaves the cards be.
  const isRead = useCallback(
    (article: ArticleSummary) =>
      version >= 0 ? store.isRead(article) : undefined,
    [store, version],
  )
  const renderActions = useCallback(
    (article: ArticleSummary) => (
      <span className="card-actions">
        <SaveToggle article={article} compact />
        <CardActions article={article} onMarkOlder={markOlder} />
        {extraActions?.(article)}
      </span>
    ),
    [markOlder, extraActions],
  )
  const onScrolledPast = useCallback(
    (article: ArticleSummary) => store.setRead(article, true),
    [store],
  )
  const unread = hydrated ? unreadOf(store, list, loaded) : undefined
  const unreadLoaded = loaded.filter((a) => !store.isRead(a)).length
  // In "unread only", stop looking once every unread article has been found.
  const exhausted = filter.on && unread !== undefined && unreadLoaded >= unread
  return {
    toolbar: <ListToolbar filter={filter} marks={marks} unread={unread} />,
    listProps: {
      articles: filter.apply(loaded),
      isRead,
      onScrolledPast: markOnScroll ? onScrolledPast : undefined,
      renderActions,
      emptyText: filter.on ? messages.noUnread : undefined,
      endText: filter.on ? messages.caughtUp : undefined,
      hasMore: options.hasMore && !exhausted,
      ...(filter.on && unread !== undefined ? { total: unread } : {}),
    },
  }
}

function unreadOf(
  store: ReturnType<typeof useReadingStore>,
  list: ManifestList | null,
  loaded: readonly ArticleSummary[],
): number {
  if (!list) return loaded.filter((a) => !store.isRead(a)).length
  const marked = markedListOf(list.manifest, list.path)
  return store.unreadIn(marked.scope, marked.countOf(marked.scope))
}
