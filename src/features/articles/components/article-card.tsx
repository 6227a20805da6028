import { Link } from 'react-router'
import { formatDate } from '@/config/messages'
import { paths } from '@/config/paths'
import type { ArticleSummary } from '@/lib/article-schema'
import { ArticleThumbnail } from './article-thumbnail'
import { CategoryLinks } from './category-links'

export type ArticleCardProps = {
  article: ArticleSummary
  onPrefetch?: (id: string) => void
}

/** One list entry; the title is a real link so it can be opened in a new tab. */
export function ArticleCard({ article, onPrefetch }: ArticleCardProps) {
  const source = article._zixun.source ?? article.authors[0]?.name
  const prefetch = onPrefetch ? () => onPrefetch(article.id) : undefined
  return (
    <article className="card" aria-labelledby={`title-${article.id}`}>
      <ArticleThumbnail src={article.image} size={article._zixun.image_size} />
      <div className="card-body">
        <h2 className="card-title" id={`title-${article.id}`}>
          <Link
            to={paths.article.getHref(article.id)}
            onMouseEnter={prefetch}
            onFocus={prefetch}
            onTouchStart={prefetch}
          >
            {article.title}
          </Link>
        </h2>
        <p className="card-meta">
          <time dateTime={article.date_published}>
            {formatDate(article.date_published)}
          </time>
          {source && <span className="card-source">{source}</span>}
          <CategoryLinks categories={article._zixun.categories} />
        </p>
        {article.summary && <p className="card-summary">{article.summary}</p>}
      </div>
    </article>
  )
}
