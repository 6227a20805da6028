/**
 * The data-free app shell: `index.html` as Vite built it (hashed script and
 * stylesheet, CSP meta, an empty `#root`), copied here before the home page
 * is prerendered into `index.html`. Every path that has no page of its own
 * is answered with it: the SPA fallback of nginx and `vite preview`
 * (`/search`, `/saved`, unknown paths with status 404, categories and
 * articles beyond the prerender limits), GitHub Pages' `404.html` (a copy)
 * and the service worker's navigation fallback.
 *
 * It depends only on the code, never on the data: a data-only rebuild
 * leaves it byte for byte the same (so the service worker does not change).
 */
export const SHELL_FILE = 'shell.html'

/** The shell's URL on the site (root-relative). */
export const SHELL_PATH = `/${SHELL_FILE}`

/**
 * `<meta name="zixun-prerendered" content="/c/…">` in a prerendered page:
 * the reader URL its `#root` was rendered for. The app hydrates that
 * markup only when it is about to render the same thing (same URL, no
 * query, a list at its first page); otherwise it renders afresh.
 */
export const PRERENDERED_META = 'zixun-prerendered'

/**
 * What a prerendered page's hints (`modulepreload` of its code, `preload`
 * of its data) carry instead of `rel` until the page has painted:
 * `<link data-after-paint="modulepreload" …>` asks for nothing. The entry
 * (`src/main.tsx`) turns them into `rel` after the first paint, so the
 * page's text has the network to itself first (decision 030). The shell,
 * which has nothing to paint, keeps its hints as they are.
 */
export const AFTER_PAINT_HINT = 'data-after-paint'

/** The `performance.mark` the entry sets as it turns those hints on. */
export const HINTS_RELEASED_MARK = 'zixun:hints-released'
