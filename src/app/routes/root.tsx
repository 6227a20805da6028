import type { QueryClient } from '@tanstack/react-query'
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { lazy, Suspense, useRef, useState } from 'react'
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
import { SettingsMenu } from '@/features/settings/components/settings-menu'
import { useMessages } from '@/lib/locale'
import { manifestQueries } from '@/lib/manifest-queries'
import { useGlobalKeys } from '../use-global-keys'
import { useRouteFocus } from '../use-route-focus'
import { StableText } from '@/components/stable-text'

// The help overlay loads when it is first asked for.
const ShortcutsDialog = lazy(() =>
  import('@/features/shortcuts/components/shortcuts-dialog').then((m) => ({
    default: m.ShortcutsDialog,
  })),
)

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
  const main = useRef<HTMLElement>(null)
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  useGlobalKeys(() => setShortcutsOpen((open) => !open))
  useRouteFocus(main)
  return (
    <>
      <a href="#main" className="skip-link">
        {messages.skipToContent}
      </a>
      <header className="site-header">
        <Link to={paths.home.getHref()} className="site-name">
          <StableText text={(m) => m.siteName} />
        </Link>
        <span className="site-tagline">
          <StableText text={(m) => m.siteTagline} />
        </span>
        <SearchField onWarm={() => warmSearch(queryClient)} />
        <div className="header-tools">
          <SettingsMenu onShowShortcuts={() => setShortcutsOpen(true)} />
        </div>
        {isNavigating && (
          <div
            className="progress"
            role="progressbar"
            aria-label={messages.loading}
          />
        )}
      </header>
      <div className="layout">
        <aside className="sidebar">
          <CategoryNav
            tree={manifest.categories}
            total={manifest.total}
            activePath={paths.category.parse(pathname) ?? undefined}
          />
        </aside>
        <main id="main" className="content" ref={main} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />
        </Suspense>
      )}
      <ScrollRestoration />
    </>
  )
}
