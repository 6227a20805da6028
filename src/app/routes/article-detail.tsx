import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { LoaderFunctionArgs } from 'react-router'
import { useLocation, useParams } from 'react-router'
import { articleQueries } from '@/features/articles/api/article-queries'
import { isArticleId } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { manifestQueries } from '@/lib/manifest-queries'
import { ArticlePage } from './article-page'
import { readFromList } from './list-history'
import { notFound } from './not-found'

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const id = params.id ?? ''
    if (!isArticleId(id)) throw notFound()
    await queryClient.ensureQueryData(articleQueries.detail(id))
    return null
  }

/** `/a/<id>`: one article. */
export default function ArticleDetailRoute() {
  const id = useParams().id ?? ''
  const { data: article } = useSuspenseQuery(articleQueries.detail(id))
  const { data: manifest } = useSuspenseQuery(manifestQueries.get())
  const messages = useMessages()
  const fromList = readFromList(useLocation().state)
  useEffect(() => {
    document.title = `${article.title} · ${messages.siteName}`
  }, [article.title, messages.siteName])
  return (
    <ArticlePage article={article} manifest={manifest} fromList={fromList} />
  )
}
