import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { LoaderFunctionArgs } from 'react-router'
import { useLocation, useParams } from 'react-router'
import { paths } from '@/config/paths'
import { articleQueries } from '@/features/articles/api/article-queries'
import { ArticleNeighbours } from '@/features/articles/components/article-neighbours'
import { ArticleView } from '@/features/articles/components/article-view'
import { CategoryBreadcrumb } from '@/features/categories/components/category-breadcrumb'
import { ShareButton } from '@/features/share/components/share-button'
import { isArticleId } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { useHydrated } from '@/lib/use-hydrated'
import { manifestQueries } from '@/lib/manifest-queries'
import { fromListState, readFromList } from './list-history'
import { notFound } from './not-found'
import { resolveListContext } from './resolve-list'

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
  // The neighbours come from the list's pages, which only the browser
  // loads: a prerendered page has none (and hydrates without them).
  const showNeighbours = useHydrated()
  const context = resolveListContext(
    manifest,
    readFromList(useLocation().state),
  )
  const categoryPath = article._zixun.categories[0]
  useEffect(() => {
    document.title = `${article.title} · ${messages.siteName}`
  }, [article.title, messages.siteName])
  return (
    <>
      <ArticleView
        article={article}
        breadcrumb={
          categoryPath && (
            <CategoryBreadcrumb path={categoryPath} endsHere={false} />
          )
        }
        actions={
          <ShareButton title={article.title} href={paths.article.getHref(id)} />
        }
      />
      {showNeighbours && (
        <ArticleNeighbours
          article={article}
          listBase={context.list.base}
          linkState={fromListState(context.href)}
        />
      )}
    </>
  )
}
