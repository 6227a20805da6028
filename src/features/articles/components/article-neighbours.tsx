import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useNavigation } from 'react-router'
import { paths } from '@/config/paths'
import type { ArticleSummary } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { useKeyBindings } from '@/lib/use-key-bindings'
import { articleQueries } from '../api/article-queries'

export type ArticleNeighboursProps = {
  article: Pick<ArticleSummary, 'id'>
  /** The `base` of the list the reader is walking. */
  listBase: string
  /** Navigation state the links carry, so the walk stays in that list. */
  linkState?: unknown
}

/**
 * Previous (newer) and next (older) article in the list the reader came
 * from; nothing until they are known (the route's loader starts the query).
 * `p` and `n` follow them from the keyboard, only while no navigation is
 * under way: while the next article loads, this one stays on screen, and a
 * key meant for the new one would otherwise walk from the old one (two
 * back). The new article's keys apply once its own neighbours are shown.
 */
export function ArticleNeighbours(props: ArticleNeighboursProps) {
  const { data } = useQuery(
    articleQueries.neighbours(props.listBase, props.article.id),
  )
  const queryClient = useQueryClient()
  const { previous, next } = data ?? {}
  const messages = useMessages()
  const navigate = useNavigate()
  // The committed router state: it stays `loading` until the next page
  // is on screen (the router renders it in a transition).
  const settled = useNavigation().state === 'idle'
  const go = (item: ArticleSummary | undefined) => {
    if (item) {
      void navigate(paths.article.getHref(item.id), { state: props.linkState })
    }
  }
  useKeyBindings([
    {
      keys: 'n',
      label: messages.keys.nextArticle,
      group: 'article',
      run: () => go(next),
      when: () => settled && !!next,
    },
    {
      keys: 'p',
      label: messages.keys.previousArticle,
      group: 'article',
      run: () => go(previous),
      when: () => settled && !!previous,
    },
  ])
  if (!previous && !next) return null
  const link = (item: ArticleSummary, rel: 'prev' | 'next') => {
    const prefetch = () =>
      void queryClient.prefetchQuery(articleQueries.detail(item.id))
    return (
      <Link
        to={paths.article.getHref(item.id)}
        state={props.linkState}
        rel={rel}
        className={`neighbour neighbour-${rel}`}
        onMouseEnter={prefetch}
        onFocus={prefetch}
        onTouchStart={prefetch}
      >
        <span className="neighbour-label">
          {rel === 'prev' ? messages.previousArticle : messages.nextArticle}
        </span>
        <span className="neighbour-title">{item.title}</span>
      </Link>
    )
  }
  return (
    <nav aria-label={messages.articleNeighbours} className="article-neighbours">
      {previous ? link(previous, 'prev') : <span />}
      {next ? link(next, 'next') : <span />}
    </nav>
  )
}
