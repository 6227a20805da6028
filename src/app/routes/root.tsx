import type { QueryClient } from '@tanstack/react-query'
import { useSuspenseQuery } from '@tanstack/react-query'
import {
  Link,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigation,
} from 'react-router'
import { paths } from '@/config/paths'
import { CategoryNav } from '@/features/categories/components/category-nav'
import { KeepNewestSetting } from '@/features/offline/components/keep-newest-setting'
import { OfflineNotices } from '@/features/offline/components/offline-notices'
import { useMessages } from '@/lib/locale'
import { manifestQueries } from '@/lib/manifest-queries'

export const clientLoader = (queryClient: QueryClient) => async () => {
  await queryClient.ensureQueryData(manifestQueries.get())
  return null
}

/** The frame of every view: header, category tree, the routed view. */
export default function RootRoute() {
  const { data: manifest } = useSuspenseQuery(manifestQueries.get())
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
        {isNavigating && <div className="progress" role="progressbar" />}
      </header>
      <div className="app-notices">
        <OfflineNotices />
      </div>
      <div className="layout">
        <aside className="sidebar">
          <CategoryNav
            tree={manifest.categories}
            total={manifest.total}
            activePath={paths.category.parse(pathname) ?? undefined}
          />
          <KeepNewestSetting generated={manifest.generated} />
        </aside>
        <main id="main" className="content">
          <Outlet />
        </main>
      </div>
      <ScrollRestoration />
    </>
  )
}
