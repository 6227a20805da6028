import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { LoaderFunctionArgs } from 'react-router'
import { useLoaderData, useLocation, useParams } from 'react-router'
import { articleQueries } from '@/features/articles/api/article-queries'
import { isArticleId } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { manifestQueries } from '@/lib/manifest-queries'
import type { ArticlePosition } from '@/lib/reading/backend'
import type { ReadingSlot } from '@/lib/reading/reading-slot'
import type { LoadingLocation } from '../router'
import { ArticlePage } from './article-page'
import { readFromList, readListDepth } from './list-context'
import { notFound } from './not-found'
import { resolveListContext } from './resolve-list'

export const clientLoader =
  (queryClient: QueryClient, loading: LoadingLocation, reading: ReadingSlot) =>
  async ({ params }: LoaderFunctionArgs) => {
    const id = params.id ?? ''
    if (!isArticleId(id)) throw notFound()
    const [manifest, , position] = await Promise.all([
      queryClient.ensureQueryData(manifestQueries.get()),
      queryClient.ensureQueryData(articleQueries.detail(id)),
      reading.ready().then((store) => store.getPosition(id)),
    ])
    // Previous/next sit below the article: they load beside it and never
    // hold it up (on a cold load of an old article that can take pages).
    const context = resolveListContext(manifest, readFromList(loading().state))
    void queryClient.prefetchQuery(
      articleQueries.neighbours(context.list.base, id),
    )
    return { position }
  }

/** `/a/<id>`: one article. */
export default function ArticleDetailRoute() {
  const id = useParams().id ?? ''
  const { data: article } = useSuspenseQuery(articleQueries.detail(id))
  const { data: manifest } = useSuspenseQuery(manifestQueries.get())
  const messages = useMessages()
  const { state } = useLocation()
  const { position } = useLoaderData<{ position?: ArticlePosition }>()
  useEffect(() => {
    document.title = `${article.title} · ${messages.siteName}`
  }, [article.title, messages.siteName])
  // One view per article (keyed): leaving one for the next keeps its own
  // place, measured before its body goes.
  return (
    <ArticlePage
      key={article.id}
      article={article}
      manifest={manifest}
      fromList={readFromList(state)}
      listDepth={readListDepth(state)}
      position={position}
    />
  )
}
