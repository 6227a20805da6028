/**
 * The only place reader URLs are spelled. Each entry pairs the route
 * pattern with the function that builds a link to it (and, for
 * categories, the parser that reads one back).
 */
export const paths = {
  home: {
    path: '/',
    getHref: () => '/',
  },
  article: {
    path: '/a/:id',
    getHref: (id: string) => `/a/${encodeURIComponent(id)}`,
  },
  category: {
    path: '/c/*',
    getHref: (categoryPath: readonly string[]) =>
      `/c/${categoryPath.map(encodeURIComponent).join('/')}`,
    /** Reads a category path back from a pathname; null if it is not one. */
    parse: (pathname: string): string[] | null => {
      const match = /^\/c\/(.+?)\/?$/.exec(pathname)
      if (!match) return null
      try {
        return match[1].split('/').map((part) => decodeURIComponent(part))
      } catch {
        return null
      }
    },
  },
} as const

/**
 * Pathnames the data-free app shell answers (the SPA fallback): hosts
 * rewrite them to `index.html` (deploy/nginx.conf), and the service worker
 * answers them from its precache. `/a/<id>` has a prerendered page of its
 * own and gets the shell only where that page is missing or offline.
 */
export const shellRoutes: readonly RegExp[] = [
  /^\/$/,
  /^\/c\/./,
  /^\/search\/?$/,
  /^\/saved\/?$/,
]

/** An article's own page, `/a/<id>` (prerendered, else the shell). */
export const articlePagePattern = /^\/a\/[A-Za-z0-9_-]{1,96}\/?$/

/** Where the static data lives, relative to the site root. */
export const DATA_ROOT = '/data/'
