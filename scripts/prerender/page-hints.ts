import { DATA_ROOT } from '../../src/config/paths.ts'
import { PRERENDERED_META } from '../../src/config/shell.ts'
import { escapeHtml } from './escape.ts'
import { siteHref, type Site } from './site.ts'

/**
 * `<link rel="modulepreload">` for each chunk URL, with `crossorigin` as
 * Vite writes it for the entry (module scripts are fetched in CORS mode).
 */
export function modulePreloads(urls: readonly string[]): string[] {
  return urls.map(
    (url) => `<link rel="modulepreload" crossorigin href="${escapeHtml(url)}">`,
  )
}

/**
 * `<link rel="preload" as="fetch">` for a data file (a path under
 * `data/`) the app fetches first, so it downloads beside the code.
 * `crossorigin` makes it match the app's `fetch()`, which is in CORS mode.
 */
export function dataPreload(dataPath: string): string {
  return `<link rel="preload" as="fetch" crossorigin href="${escapeHtml(DATA_ROOT + dataPath)}">`
}

/**
 * The head elements of a list page (`/` or a category): its title, the
 * site's description and a canonical link.
 */
export function buildListHead(
  pathname: string,
  name: string | undefined,
  site: Site,
): string[] {
  const title = name ? `${name} · ${site.name}` : site.name
  const url = siteHref(site, pathname)
  return [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(site.description)}">`,
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    `<meta property="og:site_name" content="${escapeHtml(site.name)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(title)}">`,
    `<meta property="og:url" content="${escapeHtml(url)}">`,
  ]
}

/** Names the reader URL a page's `#root` was rendered for (`PRERENDERED_META`). */
export function prerenderedMeta(pathname: string): string {
  return `<meta name="${PRERENDERED_META}" content="${escapeHtml(pathname)}">`
}
