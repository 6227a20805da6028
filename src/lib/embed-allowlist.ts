/**
 * The video players an article may embed in an `<iframe>`. The sanitiser
 * keeps an iframe only when its `src` is https, on one of these hosts and
 * under one of its path prefixes; the CSP's `frame-src` lists the same
 * origins. Everything else becomes a plain link to its `src`.
 *
 * All are cross-origin players served by the video sites themselves, so the
 * `allow-scripts allow-same-origin` sandbox they need runs them in their own
 * origin, never ours. Add a host here only after checking that it serves a
 * player (not arbitrary user HTML) under the listed paths.
 *
 * This file must stay free of DOM and Node APIs: the Vite config imports it.
 */
export const EMBED_ALLOWLIST: ReadonlyArray<{
  host: string
  pathPrefixes: readonly string[]
}> = [
  { host: 'www.youtube.com', pathPrefixes: ['/embed/'] },
  { host: 'www.youtube-nocookie.com', pathPrefixes: ['/embed/'] },
  { host: 'player.vimeo.com', pathPrefixes: ['/video/'] },
  { host: 'player.bilibili.com', pathPrefixes: ['/player.html'] },
  { host: 'v.qq.com', pathPrefixes: ['/txp/iframe/'] },
]

/** The origins of the allowlisted players, for the CSP `frame-src`. */
export const EMBED_ORIGINS: readonly string[] = EMBED_ALLOWLIST.map(
  ({ host }) => `https://${host}`,
)

/** True when `url` is an https player URL on the allowlist. */
export function isAllowedEmbed(url: URL): boolean {
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '') {
    return false
  }
  return EMBED_ALLOWLIST.some(
    ({ host, pathPrefixes }) =>
      url.hostname === host &&
      pathPrefixes.some((prefix) => url.pathname.startsWith(prefix)),
  )
}
