import { paths } from '@/config/paths'
import { ArticleNeighbours } from '@/features/articles/components/article-neighbours'
import { ArticleView } from '@/features/articles/components/article-view'
import { CategoryBreadcrumb } from '@/features/categories/components/category-breadcrumb'
import { ShareButton } from '@/features/share/components/share-button'
import type { Article, Manifest } from '@/lib/article-schema'
import { useHydrated } from '@/lib/use-hydrated'
import { fromListState } from './list-context'
import { useBackToListKeys } from './use-back-to-list-keys'
import { resolveListContext } from './resolve-list'

export type ArticlePageProps = {
  article: Article
  manifest: Manifest
  /** The list the article was opened from (`location.state`), if any. */
  fromList?: string
  /** History entries back to that list (`location.state`); 0 when unknown. */
  listDepth?: number
}

/**
 * What `/a/<id>` shows, from its data: the article with its breadcrumb
 * and share button, then previous/next in its list. The route feeds it
 * from its queries; the prerenderer renders it straight from the data
 * files (src/app/entry-prerender.tsx), checked against the route's render.
 */
export function ArticlePage({
  article,
  manifest,
  fromList,
  listDepth = 0,
}: ArticlePageProps) {
  // The neighbours come from the list's pages, which only the browser
  // loads: a prerendered page has none (and hydrates without them).
  const showNeighbours = useHydrated()
  const context = resolveListContext(manifest, fromList)
  const categoryPath = article._zixun.categories[0]
  useBackToListKeys(fromList ? listDepth : 0, context.href)
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
          <ShareButton
            title={article.title}
            href={paths.article.getHref(article.id)}
          />
        }
      />
      {showNeighbours && (
        <ArticleNeighbours
          article={article}
          listBase={context.list.base}
          linkState={fromListState(context.href, listDepth + 1)}
        />
      )}
    </>
  )
}
