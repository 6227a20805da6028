import type { QueryClient } from '@tanstack/react-query'
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import {
  Link,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigation,
} from 'react-router'
import { paths } from '@/config/paths'
import { CategoryNav } from '@/features/categories/components/category-nav'
import { SearchField } from '@/features/search/components/search-field'
import { useMessages } from '@/lib/locale'
import { manifestQueries } from '@/lib/manifest-queries'

/**
 * The search route's code and the index's entry point, loaded when the
 * reader turns to the search field (not with the first screen).
 */
function warmSearch(queryClient: QueryClient) {
  void import('./search').then((route) => route.warm(queryClient))
}

export const clientLoader = (queryClient: QueryClient) => async () => {
  await queryClient.ensureQueryData(manifestQueries.get())
  return null
}

/** The frame of every view: header, category tree, the routed view. */
export default function RootRoute() {
  const { data: manifest } = useSuspenseQuery(manifestQueries.get())
  const queryClient = useQueryClient()
  const messages = useMessages()
  const { pathname } = useLocation()
  const isNavigating = useNavigation().state === 'loading'
  return (
    <>
      <a href="#main" className="skip-link">
        {messages.skipToContent}
      </a>
      <header className="site-header">
        <Link to={paths.home.getHref()} className="site-name">
          {messages.siteName}
        </Link>
        <span className="site-tagline">{messages.siteTagline}</span>
        <SearchField onWarm={() => warmSearch(queryClient)} />
        {isNavigating && <div className="progress" role="progressbar" />}
      </header>
      <div className="layout">
        <aside className="sidebar">
          <CategoryNav
            tree={manifest.categories}
            total={manifest.total}
            activePath={paths.category.parse(pathname) ?? undefined}
          />
        </aside>
        <main id="main" className="content">
          <Outlet />
        </main>
      </div>
      <ScrollRestoration />
    </>
  )
}
