import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { LoaderFunctionArgs } from 'react-router'
import { useLocation, useParams } from 'react-router'
import { articleQueries } from '@/features/articles/api/article-queries'
import { isArticleId } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { manifestQueries } from '@/lib/manifest-queries'
import type { LoadingLocation } from '../router'
import { ArticlePage } from './article-page'
import { readFromList, readListDepth } from './list-context'
import { notFound } from './not-found'
import { resolveListContext } from './resolve-list'

export const clientLoader =
  (queryClient: QueryClient, loading: LoadingLocation) =>
  async ({ params }: LoaderFunctionArgs) => {
    const id = params.id ?? ''
    if (!isArticleId(id)) throw notFound()
    const [manifest] = await Promise.all([
      queryClient.ensureQueryData(manifestQueries.get()),
      queryClient.ensureQueryData(articleQueries.detail(id)),
    ])
    // Previous/next sit below the article: they load beside it and never
    // hold it up (on a cold load of an old article that can take pages).
    const context = resolveListContext(manifest, readFromList(loading().state))
    void queryClient.prefetchQuery(
      articleQueries.neighbours(context.list.base, id),
    )
    return null
  }

/** `/a/<id>`: one article. */
export default function ArticleDetailRoute() {
  const id = useParams().id ?? ''
  const { data: article } = useSuspenseQuery(articleQueries.detail(id))
  const { data: manifest } = useSuspenseQuery(manifestQueries.get())
  const messages = useMessages()
  const { state } = useLocation()
  useEffect(() => {
    document.title = `${article.title} · ${messages.siteName}`
  }, [article.title, messages.siteName])
  return (
    <ArticlePage
      article={article}
      manifest={manifest}
      fromList={readFromList(state)}
      listDepth={readListDepth(state)}
    />
  )
}
