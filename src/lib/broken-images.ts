/** Class set on an article image that failed to load (see below). */
export const BROKEN_IMAGE_CLASS = 'article-image-broken'

/**
 * Hides article images that fail to load, so no broken-image icon shows.
 * Sanitised HTML can carry no inline `onerror`, and `error` does not bubble,
 * so this listens in the capture phase on the container. Call it before
 * inserting the sanitised fragment; it returns the cleanup function:
 *
 * ```ts
 * useLayoutEffect(() => {
 *   const node = container.current
 *   if (!node) return
 *   const stop = hideBrokenImages(node)
 *   node.replaceChildren(sanitizeArticleHtml(html))
 *   return stop
 * }, [html])
 * ```
 *
 * A failed image gets `hidden` (the UA stylesheet hides it, no CSS needed)
 * and the `article-image-broken` class, for styling a `<figure>` around it.
 */
export function hideBrokenImages(container: HTMLElement): () => void {
  const onError = (event: Event) => {
    const target = event.target
    if (target instanceof HTMLImageElement) markBroken(target)
  }
  container.addEventListener('error', onError, { capture: true })
  return () => {
    container.removeEventListener('error', onError, { capture: true })
  }
}

function markBroken(image: HTMLImageElement) {
  image.hidden = true
  image.classList.add(BROKEN_IMAGE_CLASS)
}
