import { createHandlerBoundToURL } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { NetworkOnly } from 'workbox-strategies'
import { articlePagePattern, shellRoutePatterns } from '../config/paths.ts'
import { shellFallback } from './fallbacks.ts'
import { networkStatePlugin } from './network-state.ts'

/** Files the server answers itself (feeds, sitemap, data): never the shell. */
const FILE = /\.[a-z0-9]+$/i

/**
 * Page loads (decision 023), `shellUrl` the precached data-free shell:
 * - reader routes (`shellRoutes`) get the precached, data-free shell at
 *   once, online or not: a repeat visit downloads no HTML;
 * - `/a/<id>` asks the network for its prerendered page (fresh preview
 *   tags, the headline in the HTML) and gets the shell when that fails,
 *   which then renders the article from its cached JSON;
 * - any other page of ours goes to the network, and gets the shell (the
 *   app's 404 view) rather than the browser's error page when offline.
 */
export function registerNavigationRoutes(shellUrl: string): void {
  registerRoute(
    new NavigationRoute(createHandlerBoundToURL(shellUrl), {
      allowlist: [...shellRoutePatterns],
    }),
  )
  const network = new NetworkOnly({
    networkTimeoutSeconds: 5,
    plugins: [networkStatePlugin, shellFallback(shellUrl)],
  })
  registerRoute(
    ({ request, url }) =>
      request.mode === 'navigate' && articlePagePattern.test(url.pathname),
    network,
  )
  registerRoute(
    ({ request, url }) =>
      request.mode === 'navigate' &&
      url.origin === self.location.origin &&
      !FILE.test(url.pathname),
    network,
  )
}
