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
    /** `/search?q=…&c=…&sort=newest`; empty parameters are left out. */
    getHref: (params: SearchParams = {}) => {
      const query = new URLSearchParams()
      if (params.q) query.set('q', params.q)
      if (params.c && params.c.length > 0) {
        query.set('c', params.c.map(encodeCategorySegment).join('/'))
      }
      if (params.sort === 'newest') query.set('sort', 'newest')
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
      }
    },
  },
} as const

/**
 * What a search URL says: the query, the category path it is limited to
 * (`c`, the path as written after `/c/`), and the order. Further filters
 * (read state, saved) join here as parameters of their own.
 */
export type SearchParams = {
  q?: string
  c?: readonly string[]
  sort?: 'relevance' | 'newest'
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
