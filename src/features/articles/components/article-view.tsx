import type { ReactNode } from 'react'
import { DateTime } from '@/components/date-time'
import type { Article } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { openOriginal } from '@/lib/open-original'
import { toSafeHttpUrl } from '@/lib/safe-url'
import { useKeyBindings } from '@/lib/use-key-bindings'
import { ArticleBody } from './article-body'
import { CategoryLinks } from './category-links'
import { StableText } from '@/components/stable-text'

export type ArticleViewProps = {
  article: Article
  /**
   * The article's first category path as the route draws it (a
   * breadcrumb), above the article. The header lists only the others.
   */
  breadcrumb?: ReactNode
  /** Composed by the route, e.g. the share button. */
  actions?: ReactNode
}

/** The detail view: headline, byline, body, and the way to the original. */
export function ArticleView({
  article,
  breadcrumb,
  actions,
}: ArticleViewProps) {
  const messages = useMessages()
  const { _zixun: meta } = article
  const author = article.authors.map((a) => a.name).join(', ')
  const source = meta.source && meta.source !== author ? meta.source : undefined
  const original = toSafeHttpUrl(article.external_url)
  const otherCategories = meta.categories.slice(1)
  useKeyBindings([
    {
      keys: 'v',
      label: messages.keys.openOriginal,
      group: 'article',
      run: () => void openOriginal(original),
      when: () => !!original,
    },
  ])
  return (
    <>
      {breadcrumb}
      <article className="article">
        <header className="article-header">
          {otherCategories.length > 0 && (
            <p className="article-categories">
              <span className="article-categories-label">
                <StableText text={(m) => m.alsoIn} />
              </span>{' '}
              <CategoryLinks categories={otherCategories} />
            </p>
          )}
          <h1>{article.title}</h1>
          <p className="byline">
            {author && <span className="byline-author">{author}</span>}
            {source && <span className="byline-source">{source}</span>}
            <span>
              <StableText
                text={(m) => m.readingMinutes(meta.reading_minutes)}
              />
            </span>
            {/* Last: its text changes as the app starts, and nothing follows it. */}
            <DateTime iso={article.date_published} />
          </p>
        </header>
        <ArticleBody html={article.content_html} summary={article.summary} />
        {(original || actions) && (
          <footer className="article-footer">
            {original && (
              <a
                href={original}
                target="_blank"
                rel="noopener noreferrer"
                referrerPolicy="no-referrer"
              >
                {messages.openOriginal}
              </a>
            )}
            {actions}
          </footer>
        )}
      </article>
    </>
  )
}
