import { useLayoutEffect, useRef } from 'react'
import { hideBrokenImages } from '@/lib/broken-images'
import { sanitizeArticleHtml } from '@/lib/sanitize'
import { useHydrated } from '@/lib/use-hydrated'

export type ArticleBodyProps = {
  html: string
  /** Plain text shown in the body's place where HTML cannot be sanitised: on the server, and while hydrating what it wrote. */
  summary: string
}

/**
 * The one place untrusted article HTML enters the page. The sanitiser
 * returns a DocumentFragment, which replaces the container's children:
 * no HTML string is parsed again after sanitising, and no Trusted Types
 * sink is touched. Images that fail to load are hidden, not shown broken.
 * Server rendering has no sanitiser (DOMPurify needs a DOM), so a
 * prerendered page carries the summary as text, and hydration keeps it
 * until the body replaces it right after. While it does, the container is
 * marked `data-summary`: what follows the body (the article's footer)
 * stays invisible until the body is in, so its arrival moves nothing the
 * reader saw (the CSS hides it only where the boot script ran, `data-js`).
 */
export function ArticleBody({ html, summary }: ArticleBodyProps) {
  const container = useRef<HTMLDivElement>(null)
  const hydrated = useHydrated()
  useLayoutEffect(() => {
    const node = container.current
    if (!node || !hydrated) return
    const stopHiding = hideBrokenImages(node)
    node.replaceChildren(sanitizeArticleHtml(html))
    return stopHiding
  }, [html, hydrated])
  return (
    <div
      className="article-body"
      ref={container}
      data-summary={hydrated ? undefined : ''}
    >
      {!hydrated && <p>{summary}</p>}
    </div>
  )
}
