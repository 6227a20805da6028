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
  /** Saved articles (issue 12's reading state). */
  saved: {
    path: '/saved',
    getHref: () => '/saved',
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
  search: {
    path: '/search',
    /** `/search?q=…&c=…&sort=newest&saved=1`; empty parameters are left out. */
    getHref: (params: SearchParams = {}) => {
      const query = new URLSearchParams()
      if (params.q) query.set('q', params.q)
      if (params.c && params.c.length > 0) {
        query.set('c', params.c.map(encodeCategorySegment).join('/'))
      }
      if (params.sort === 'newest') query.set('sort', 'newest')
      if (params.saved) query.set('saved', '1')
      const search = query.toString()
      return search ? `/search?${search}` : '/search'
    },
    /** Reads the parameters back; anything unreadable counts as absent. */
    parse: (search: URLSearchParams): SearchParams => {
      const c = search.get('c')
      return {
        q: search.get('q') ?? '',
        c: c ? c.split('/').filter(Boolean).map(decodeCategorySegment) : [],
        sort: search.get('sort') === 'newest' ? 'newest' : 'relevance',
        saved: search.get('saved') === '1',
      }
    },
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
  /** Pages search engines should not index (`X-Robots-Tag: noindex`). */
  noindex?: true
}[] = [
  { match: 'exact', path: paths.home.path, what: 'all articles' },
  { match: 'prefix', path: '/c/', what: 'categories' },
  { match: 'exact', path: paths.search.path, what: 'search', noindex: true },
  { match: 'exact', path: paths.saved.path, what: 'saved articles' },
]

/**
 * `shellRoutes` as patterns of pathnames (the service worker's navigation
 * allowlist): an exact path with or without its trailing slash, a prefix
 * with something after it.
 */
export const shellRoutePatterns: readonly RegExp[] = shellRoutes.map(
  ({ match, path }) => {
    const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    if (match === 'prefix') return new RegExp(`^${escaped}.`)
    return path === '/' ? /^\/$/ : new RegExp(`^${escaped}\\/?$`)
  },
)

/** An article's own page, `/a/<id>` (prerendered, else the shell). */
export const articlePagePattern = /^\/a\/[A-Za-z0-9_-]{1,96}\/?$/

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

/**
 * What a search URL says: the query, the category path it is limited to
 * (`c`, the path as written after `/c/`), the order, and whether only
 * the saved articles are searched (`saved=1`). Further filters join here
 * as parameters of their own.
 */
export type SearchParams = {
  q?: string
  c?: readonly string[]
  sort?: 'relevance' | 'newest'
  saved?: boolean
}

/** A category name as one segment of `c`: `/` and `%` escaped, the rest as is. */
function encodeCategorySegment(name: string): string {
  return name.replace(/%/g, '%25').replace(/\//g, '%2F')
}

function decodeCategorySegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Where the static data lives, relative to the site root. */
export const DATA_ROOT = '/data/'
