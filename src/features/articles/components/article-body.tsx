import { useLayoutEffect, useRef } from 'react'
import { sanitizeArticleHtml } from '@/lib/sanitize'

export type ArticleBodyProps = {
  html: string
}

/**
 * The one place untrusted article HTML enters the page. The sanitiser
 * returns a DocumentFragment, which replaces the container's children:
 * no HTML string is ever parsed again after sanitising.
 */
export function ArticleBody({ html }: ArticleBodyProps) {
  const container = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    container.current?.replaceChildren(sanitizeArticleHtml(html))
  }, [html])
  return <div className="article-body" ref={container} />
}
