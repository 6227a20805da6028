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
  saved: {
    path: '/saved',
    getHref: () => '/saved',
  },
} as const

/**
 * The reader routes a static host answers with the app shell, status 200
 * (`exact`: that path; `prefix`: everything below it). The nginx rules
 * (`scripts/hosting/nginx-config.ts`) and the CDN and GitHub Pages notes
 * in the README follow this list; `/a/<id>` has rules of its own.
 */
export const shellRoutes: readonly {
  match: 'exact' | 'prefix'
  path: string
  what: string
}[] = [
  { match: 'exact', path: paths.home.path, what: 'all articles' },
  { match: 'prefix', path: '/c/', what: 'categories' },
  { match: 'exact', path: '/search', what: 'search' },
  { match: 'exact', path: paths.saved.path, what: 'saved articles' },
]

/** "Unread only", the switch every list keeps in its URL (`?unread=1`). */
export const unreadOnly = {
  param: 'unread',
  /** Whether the query string `search` has the switch on. */
  isOn: (search: string): boolean =>
    new URLSearchParams(search).get('unread') === '1',
  /** `search` with the switch set or cleared, other parameters kept (`''` when none are left). */
  set: (search: string, on: boolean): string => {
    const params = new URLSearchParams(search)
    if (on) params.set('unread', '1')
    else params.delete('unread')
    const rest = params.toString()
    return rest ? `?${rest}` : ''
  },
} as const

/** Where the static data lives, relative to the site root. */
export const DATA_ROOT = '/data/'
