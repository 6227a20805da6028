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
} as const

/** Where the static data lives, relative to the site root. */
export const DATA_ROOT = '/data/'
