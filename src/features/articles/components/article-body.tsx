import { useLayoutEffect, useRef } from 'react'
import { hideBrokenImages } from '@/lib/broken-images'
import { sanitizeArticleHtml } from '@/lib/sanitize'

export type ArticleBodyProps = {
  html: string
}

/**
 * The one place untrusted article HTML enters the page. The sanitiser
 * returns a DocumentFragment, which replaces the container's children:
 * no HTML string is parsed again after sanitising, and no Trusted Types
 * sink is touched. Images that fail to load are hidden, not shown broken.
 */
export function ArticleBody({ html }: ArticleBodyProps) {
  const container = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const node = container.current
    if (!node) return
    const stopHiding = hideBrokenImages(node)
    node.replaceChildren(sanitizeArticleHtml(html))
    return stopHiding
  }, [html])
  return <div className="article-body" ref={container} />
}
