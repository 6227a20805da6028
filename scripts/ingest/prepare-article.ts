import type {
  Article,
  ArticleSummary,
  CategoryPath,
} from '../../src/lib/article-schema.ts'
import type { Converted } from './to-article.ts'

/** What the main thread keeps of an article: small, and serialisable. */
export type Prepared = {
  id: string
  link?: string
  dateMs: number
  notes: string[]
  paths: CategoryPath[]
  /** `articles/<id>.json`, ready to write. */
  articleJson: string
  /** The summary as a list-page item, indented for its place in the page. */
  itemJson: string
}

/** Serialises a converted article once, where it was made (a worker). */
export function prepareArticle(converted: Converted): Prepared {
  const { article, link, dateMs, notes } = converted
  return {
    id: article.id,
    ...(link ? { link } : {}),
    dateMs,
    notes,
    paths: article._zixun.categories,
    articleJson: `${JSON.stringify(article, null, 2)}\n`,
    itemJson: indent(JSON.stringify(toSummary(article), null, 2), '    '),
  }
}

export function toSummary(article: Article): ArticleSummary {
  const { content_html: _body, ...summary } = article
  return summary
}

function indent(text: string, prefix: string): string {
  return prefix + text.replace(/\n/g, `\n${prefix}`)
}
