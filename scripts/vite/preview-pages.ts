import { SHELL_PATH } from '../../src/config/shell.ts'

const ARTICLE = /^\/a\/([A-Za-z0-9_-]{1,96})\/?$/
const CATEGORY = /^\/c\/.+/
/** Where a missing file is a plain 404, never a page (as on nginx). */
const FILES_ONLY = /^\/(assets|data)\//

function decoded(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return null
  }
}

/**
 * What `vite preview` serves for a request, as deploy/nginx.conf does:
 * `/a/<id>` and `/c/<path>` their prerendered `index.html` where the
 * build has one (a category name holding `/`, sent as `%2F`, never has
 * one), and every other page that is no file the data-free shell — not
 * `index.html`, which is the prerendered home page. Returns the URL to
 * serve instead, or null to serve the request as it is. `exists` is asked
 * whether a path relative to the build is a file.
 */
export function previewPageFor(
  url: string,
  accept: string | undefined,
  exists: (file: string) => boolean,
): string | null {
  const queryAt = url.search(/[?#]/)
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt)
  const query = queryAt === -1 ? '' : url.slice(queryAt)
  const file = decoded(pathname)?.replace(/^\/+/, '')
  if (file === undefined || pathname === '/') return null
  if (file !== '' && !file.endsWith('/') && exists(file)) return null
  const article = ARTICLE.exec(pathname)
  if (article) {
    const page = `a/${article[1]}/index.html`
    return exists(page) ? `/${page}${query}` : SHELL_PATH + query
  }
  if (CATEGORY.test(pathname)) {
    const folder = file.replace(/\/+$/, '')
    if (!/%2f/i.test(pathname) && exists(`${folder}/index.html`)) {
      return `${pathname.replace(/\/+$/, '')}/index.html${query}`
    }
    return SHELL_PATH + query
  }
  if (FILES_ONLY.test(pathname) || !accept?.includes('text/html')) return null
  return SHELL_PATH + query
}
