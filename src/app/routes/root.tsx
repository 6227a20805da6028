import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import {
  Link,
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigation,
} from 'react-router'
import { paths } from '@/config/paths'
import { CategoryNav } from '@/features/categories/components/category-nav'
import { StorageNotice } from '@/features/reading/components/storage-notice'
import type { CategoryNode } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { manifestQueries } from '@/lib/manifest-queries'
import { ALL_SCOPE, scopeOf } from '@/lib/reading/read-scopes'
import type { ReadingSlot } from '@/lib/reading/reading-slot'
import { useReadingStore, useReadingVersion } from '@/lib/reading/use-reading'
import { useHydrated } from '@/lib/use-hydrated'
import type { LoadingLocation } from '../router'

export const clientLoader =
  (queryClient: QueryClient, _loading: LoadingLocation, reading: ReadingSlot) =>
  async () => {
    // Every view shows reading state: it loads beside the manifest (the
    // child route's data loads at the same time).
    await Promise.all([
      queryClient.ensureQueryData(manifestQueries.get()),
      reading.ready(),
    ])
    return null
  }

/** The frame of every view: header, category tree, the routed view. */
export default function RootRoute() {
  const { data: manifest } = useSuspenseQuery(manifestQueries.get())
  const messages = useMessages()
  const { pathname } = useLocation()
  const isNavigating = useNavigation().state === 'loading'
  const store = useReadingStore()
  const hydrated = useHydrated()
  // Re-render on every change of the reading state: the counts follow it.
  useReadingVersion()
  const unreadOf = (node: CategoryNode | null) =>
    node
      ? store.unreadIn(scopeOf(node.path), node.count)
      : store.unreadIn(ALL_SCOPE, manifest.total)
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
        <nav className="site-links" aria-label={messages.siteName}>
          <NavLink to={paths.saved.getHref()}>{messages.savedLink}</NavLink>
        </nav>
        {isNavigating && <div className="progress" role="progressbar" />}
      </header>
      <div className="app-notices">
        <StorageNotice />
      </div>
      <div className="layout">
        <aside className="sidebar">
          <CategoryNav
            tree={manifest.categories}
            total={manifest.total}
            activePath={paths.category.parse(pathname) ?? undefined}
            unreadOf={hydrated ? unreadOf : undefined}
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
