import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { LoaderFunctionArgs } from 'react-router'
import { useLocation, useParams } from 'react-router'
import { messages } from '@/config/messages'
import { paths } from '@/config/paths'
import { articleQueries } from '@/features/articles/api/article-queries'
import { ArticleNeighbours } from '@/features/articles/components/article-neighbours'
import { ArticleView } from '@/features/articles/components/article-view'
import { CategoryBreadcrumb } from '@/features/categories/components/category-breadcrumb'
import { ShareButton } from '@/features/share/components/share-button'
import { isArticleId } from '@/lib/article-schema'
import { manifestQueries } from '@/lib/manifest-queries'
import type { LoadingLocation } from '../router'
import { fromListState, readFromList } from './list-context'
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
  const context = resolveListContext(
    manifest,
    readFromList(useLocation().state),
  )
  const categoryPath = article._zixun.categories[0]
  useEffect(() => {
    document.title = `${article.title} · ${messages.siteName}`
  }, [article.title])
  return (
    <>
      {categoryPath && (
        <CategoryBreadcrumb path={categoryPath} endsHere={false} />
      )}
      <ArticleView
        article={article}
        actions={
          <ShareButton title={article.title} href={paths.article.getHref(id)} />
        }
      />
      <ArticleNeighbours
        article={article}
        listBase={context.list.base}
        linkState={fromListState(context.href)}
      />
    </>
  )
}
