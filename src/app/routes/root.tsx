import type { QueryClient } from '@tanstack/react-query'
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import {
  Link,
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigation,
} from 'react-router'
import { paths } from '@/config/paths'
import type { UnreadCounts } from '@/features/categories/components/category-count'
import { CategoryNav } from '@/features/categories/components/category-nav'
import { KeepNewestSync } from '@/features/offline/components/keep-newest-sync'
import { OfflineNotices } from '@/features/offline/components/offline-notices'
import { StorageNotice } from '@/features/reading/components/storage-notice'
import type * as SearchRoute from './search'
import { SearchField } from '@/features/search/components/search-field'
import { SettingsMenu } from '@/features/settings/components/settings-menu'
import { useMessages } from '@/lib/locale'
import { manifestQueries } from '@/lib/manifest-queries'
import { ALL_SCOPE, scopeOf } from '@/lib/reading/read-scopes'
import type { ReadingSlot } from '@/lib/reading/reading-slot'
import { useReadingStore } from '@/lib/reading/use-reading'
import { useHydrated } from '@/lib/use-hydrated'
import type { LoadingLocation } from '../router'
import { useGlobalKeys } from '../use-global-keys'
import { useRouteFocus } from '../use-route-focus'
import { StableText } from '@/components/stable-text'

// The settings of other features load with the settings menu's panel
// (inside its Suspense), not with the first screen.
const KeepNewestSetting = lazy(() =>
  import('@/features/offline/components/keep-newest-setting').then((m) => ({
    default: m.KeepNewestSetting,
  })),
)

const ReadingSettings = lazy(() =>
  import('@/features/reading/components/reading-settings').then((m) => ({
    default: m.ReadingSettings,
  })),
)

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
  void loadSearchRoute().then((route) => route.warm(queryClient))
}

let searchRoute: typeof SearchRoute | undefined
function loadSearchRoute() {
  return import('./search').then((route) => (searchRoute = route))
}

/**
 * Starts the search at `href` beside the navigation there: at once when
 * the route's code is in (the navigation's own work must not go first).
 */
function startSearch(queryClient: QueryClient, href: string) {
  if (searchRoute) searchRoute.start(queryClient, href)
  else void loadSearchRoute().then((route) => route.start(queryClient, href))
}

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
  const queryClient = useQueryClient()
  const messages = useMessages()
  const { pathname } = useLocation()
  const isNavigating = useNavigation().state === 'loading'
  const store = useReadingStore()
  const hydrated = useHydrated()
  // Each count in the tree follows the reading state on its own.
  const unread = useMemo(
    (): UnreadCounts => ({
      subscribe: (onChange) => store.subscribe(onChange),
      of: (node) =>
        node
          ? store.unreadIn(scopeOf(node.path), node.count)
          : store.unreadIn(ALL_SCOPE, manifest.total),
    }),
    [store, manifest.total],
  )
  // The same array while the category is the same: the tree stays put.
  const activePath = useMemo(
    () => paths.category.parse(pathname) ?? undefined,
    [pathname],
  )
  const main = useRef<HTMLElement>(null)
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  useGlobalKeys(() => setShortcutsOpen((open) => !open))
  useRouteFocus(main)
  // The app runs (a prerendered page has been hydrated and has rendered
  // again as the reader's own, `useHydrated`): keys, menus, buttons and
  // read marks work from here on. Tests wait for it (`appStarted`).
  useEffect(() => {
    if (hydrated) document.documentElement.dataset.app = 'started'
  }, [hydrated])
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
        <SearchField
          onWarm={() => warmSearch(queryClient)}
          onSearch={(href) => startSearch(queryClient, href)}
        />
        <div className="header-tools">
          <nav className="site-links" aria-label={messages.siteName}>
            <NavLink to={paths.saved.getHref()}>
              <StableText text={(m) => m.savedLink} />
            </NavLink>
          </nav>
          <SettingsMenu onShowShortcuts={() => setShortcutsOpen(true)}>
            <ReadingSettings />
            <KeepNewestSetting />
          </SettingsMenu>
        </div>
        {isNavigating && (
          <div
            className="progress"
            role="progressbar"
            aria-label={messages.loading}
          />
        )}
      </header>
      <div className="app-notices">
        <OfflineNotices />
        <KeepNewestSync generated={manifest.generated} />
        <StorageNotice />
      </div>
      <div className="layout">
        <aside className="sidebar">
          <CategoryNav
            tree={manifest.categories}
            total={manifest.total}
            activePath={activePath}
            unread={unread}
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
