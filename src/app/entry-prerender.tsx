/**
 * The server side of the app, for the build's prerenderer
 * (`scripts/prerender/`): renders what `#root` holds for a reader URL
 * through the app's own routes and components, with a QueryClient filled
 * from the data files instead of fetches. The browser hydrates the result
 * (`main.tsx`), so it must be exactly what the app renders first: same
 * routes, same data, the site's language (`LocaleProvider`).
 */
import { StrictMode } from 'react'
import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouter,
  StaticRouterProvider,
} from 'react-router'
import { AppProvider } from '@/app/provider'
import { createRoutes, type LoadingLocation } from '@/app/router'
import { ArticlePage } from '@/app/routes/article-page'
import { resolveList } from '@/app/routes/resolve-list'
import { DEFAULT_LANGUAGE } from '@/config/languages'
import { paths } from '@/config/paths'
import { articleQueries } from '@/features/articles/api/article-queries'
import type {
  Article,
  ArticleSummary,
  ListPage,
  Manifest,
} from '@/lib/article-schema'
import { manifestQueries } from '@/lib/manifest-queries'
import { createQueryClient } from '@/lib/query-client'
import { createStaticReadingSlot } from '@/lib/reading/static-store'

/** Any origin: routes match on the path, and links are written root-relative. */
const ORIGIN = 'http://prerender.invalid'

/** One in this many article pages is also rendered whole, to check it. */
const CHECK_EVERY = 500

export type Prerenderer = {
  /**
   * `#root` of `/a/<id>`: the page frame, breadcrumb and header, and the
   * summary where the body goes (there is no sanitiser on the server; the
   * app puts the body in once it has hydrated).
   */
  renderArticle(article: ArticleSummary): Promise<string>
  /**
   * `#root` of a list, `/` or `/c/<path>`, showing `firstPage` (the list's
   * page 1): the frame, the category tree and the first screen of cards,
   * as the app renders it before it has loaded a second page.
   */
  renderList(pathname: string, firstPage: ListPage): Promise<string>
}

/** A whole page's markup around a route's content. */
type Frame = { before: string; after: string }

/** Cuts `page` around `inner`, which must occur in it exactly once. */
function cutFrame(page: string, inner: string): Frame {
  const at = page.indexOf(inner)
  if (at === -1 || page.indexOf(inner, at + 1) !== -1) {
    throw new Error('prerender: cannot find the content in the whole page')
  }
  return { before: page.slice(0, at), after: page.slice(at + inner.length) }
}

/**
 * A renderer for the site described by `manifest`. Nothing is fetched:
 * the data comes from the caller, read from the data files.
 *
 * Every article page has the same frame (header and category tree: they
 * depend on the manifest, not on the article), and what differs is the
 * route's content, `ArticlePage`. So a page is its content, rendered from
 * the article alone, in the frame of a page rendered whole through the
 * app's routes: the first page, and every `CHECK_EVERY`th again, which
 * must come out the same (or the build fails).
 */
export function createPrerenderer(manifest: Manifest): Prerenderer {
  const queryClient = createQueryClient()
  // On the server nothing is collected on a timer (a timer would keep the
  // build alive) and nothing goes stale during a long run.
  queryClient.setDefaultOptions({
    queries: { gcTime: Infinity, staleTime: Infinity, retry: false },
  })
  queryClient.setQueryData(manifestQueries.get().queryKey, manifest)
  // Loaders ask which history entry is loading: on the server, a fresh one.
  let rendering = '/'
  const loading: LoadingLocation = () => ({
    pathname: rendering,
    search: '',
    hash: '',
    state: null,
    key: 'default',
  })
  const reading = createStaticReadingSlot()
  const handler = createStaticHandler(
    createRoutes(queryClient, loading, reading),
  )
  const inApp = (children: ReactNode) => (
    <StrictMode>
      <AppProvider
        queryClient={queryClient}
        language={DEFAULT_LANGUAGE}
        reading={reading}
      >
        {children}
      </AppProvider>
    </StrictMode>
  )

  /** The whole page through the routes, their loaders finding a full cache. */
  async function renderWhole(pathname: string) {
    rendering = pathname
    const context = await handler.query(new Request(ORIGIN + pathname))
    if (context instanceof Response) {
      throw new Error(`prerender ${pathname}: redirected (${context.status})`)
    }
    if (context.errors) {
      const error = Object.values(context.errors)[0]
      throw new Error(`prerender ${pathname}: ${String(error)}`, {
        cause: error,
      })
    }
    const router = createStaticRouter(handler.dataRoutes, context)
    return renderToString(
      inApp(
        <StaticRouterProvider
          router={router}
          context={context}
          hydrate={false}
        />,
      ),
    )
  }

  /** The whole article page, its summary standing in for its detail. */
  async function renderWholeArticle(article: Article, pathname: string) {
    const { queryKey } = articleQueries.detail(article.id)
    queryClient.setQueryData(queryKey, article)
    try {
      return await renderWhole(pathname)
    } finally {
      queryClient.removeQueries({ queryKey, exact: true })
    }
  }

  let frame: Frame | undefined
  let rendered = 0
  return {
    async renderArticle(summary) {
      const article = { ...summary, content_html: '' }
      const pathname = paths.article.getHref(article.id)
      const content = renderToString(
        inApp(
          <StaticRouter location={pathname}>
            <ArticlePage article={article} manifest={manifest} />
          </StaticRouter>,
        ),
      )
      if (rendered++ % CHECK_EVERY === 0) {
        const whole = await renderWholeArticle(article, pathname)
        frame ??= cutFrame(whole, content)
        if (frame.before + content + frame.after !== whole) {
          throw new Error(
            `prerender ${pathname}: the page differs from the app's render`,
          )
        }
      }
      return frame!.before + content + frame!.after
    },
    async renderList(pathname, firstPage) {
      const resolved = resolveList(manifest, pathname)
      if (!resolved) throw new Error(`prerender ${pathname}: no such list`)
      const { base } = resolved.list
      queryClient.setQueryData(
        articleQueries.listPage(base, 1).queryKey,
        firstPage,
      )
      try {
        return await renderWhole(pathname)
      } finally {
        // The list's infinite query and its page: one list in memory at a time.
        queryClient.removeQueries({
          queryKey: articleQueries.list(base).queryKey,
        })
      }
    },
  }
}
