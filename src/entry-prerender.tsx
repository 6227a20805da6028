/**
 * The server side of the app, for the build's prerenderer
 * (`scripts/prerender/`): renders what `#root` holds for a reader URL
 * through the app's own routes and components, with a QueryClient filled
 * from the data files instead of fetches. The browser hydrates the result
 * (`main.tsx`), so it must be exactly what the app renders first: same
 * routes, same data, the site's language (`LocaleProvider`).
 */
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import {
  createStaticHandler,
  createStaticRouter,
  Outlet,
  StaticRouterProvider,
} from 'react-router'
import type { RouteObject } from 'react-router'
import { AppProvider } from '@/app/provider'
import { createRoutes } from '@/app/router'
import { DEFAULT_LANGUAGE } from '@/config/messages'
import { paths } from '@/config/paths'
import { articleQueries } from '@/features/articles/api/article-queries'
import type { ArticleSummary, Manifest } from '@/lib/article-schema'
import { manifestQueries } from '@/lib/manifest-queries'
import { createQueryClient } from '@/lib/query-client'

/** Any origin: routes match on the path, and links are written root-relative. */
const ORIGIN = 'http://prerender.invalid'

/** One in this many article pages is also rendered whole, to check its frame. */
const CHECK_EVERY = 500

export type Prerenderer = {
  /**
   * `#root` of `/a/<id>`: the page frame, breadcrumb and header, and the
   * summary where the body goes (there is no sanitiser on the server; the
   * app puts the body in once it has hydrated).
   */
  renderArticle(article: ArticleSummary): Promise<string>
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
 * The same routes with the root layout reduced to its outlet: renders
 * only what a route draws inside `<main>`, through its real loader and
 * component.
 */
function outletOnly(routes: RouteObject[]): RouteObject[] {
  return routes.map((route) => ({
    ...route,
    lazy: async () => ({
      ...(typeof route.lazy === 'function' ? await route.lazy() : {}),
      Component: Outlet,
    }),
  }))
}

/**
 * A renderer for the site described by `manifest`. Nothing is fetched:
 * each page's data is put into the cache before it is rendered and taken
 * out after, so memory stays flat however many pages are rendered.
 *
 * Every article page has the same frame (header and category tree: they
 * depend on the manifest, not on the article), and the tree is most of
 * the work. So the first page is rendered whole, cut into frame and
 * content, and later pages render only their content into that frame;
 * every `CHECK_EVERY`th is rendered whole again and must come out the same.
 */
export function createPrerenderer(manifest: Manifest): Prerenderer {
  const queryClient = createQueryClient()
  // On the server nothing is collected on a timer (a timer would keep the
  // build alive) and nothing goes stale during a long run.
  queryClient.setDefaultOptions({
    queries: { gcTime: Infinity, staleTime: Infinity, retry: false },
  })
  queryClient.setQueryData(manifestQueries.get().queryKey, manifest)
  const whole = createStaticHandler(createRoutes(queryClient))
  const content = createStaticHandler(outletOnly(createRoutes(queryClient)))

  async function render(handler: typeof whole, pathname: string) {
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
      <StrictMode>
        <AppProvider queryClient={queryClient} language={DEFAULT_LANGUAGE}>
          <StaticRouterProvider
            router={router}
            context={context}
            hydrate={false}
          />
        </AppProvider>
      </StrictMode>,
    )
  }

  let frame: Frame | undefined
  let rendered = 0
  return {
    async renderArticle(article) {
      const { queryKey } = articleQueries.detail(article.id)
      const pathname = paths.article.getHref(article.id)
      queryClient.setQueryData(queryKey, { ...article, content_html: '' })
      try {
        const inner = await render(content, pathname)
        const check = rendered++ % CHECK_EVERY === 0
        const full = check ? await render(whole, pathname) : undefined
        frame ??= cutFrame(full ?? '', inner)
        const page = frame.before + inner + frame.after
        if (full !== undefined && full !== page) {
          throw new Error(
            `prerender ${pathname}: its frame differs from the first page's`,
          )
        }
        return page
      } finally {
        queryClient.removeQueries({ queryKey, exact: true })
      }
    },
  }
}
