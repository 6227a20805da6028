import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { LoaderFunctionArgs } from 'react-router'
import { useParams } from 'react-router'
import { messages } from '@/config/messages'
import { paths } from '@/config/paths'
import { articleQueries } from '@/features/articles/api/article-queries'
import { ArticleView } from '@/features/articles/components/article-view'
import { ShareButton } from '@/features/share/components/share-button'
import { isArticleId } from '@/lib/article-schema'
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
  useEffect(() => {
    document.title = `${article.title} · ${messages.siteName}`
  }, [article.title])
  return (
    <ArticleView
      article={article}
      actions={
        <ShareButton title={article.title} href={paths.article.getHref(id)} />
      }
    />
  )
}
