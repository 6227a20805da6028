import type {
  ArticleSummary,
  CategoryNode,
  CategoryPath,
} from '../../src/lib/article-schema.ts'
import { paths } from '../../src/config/paths.ts'
import { toSafeHttpUrl } from '../../src/lib/safe-url.ts'
import { escapeHtml } from './escape.ts'
import type { Site } from './site.ts'

/** How many top-level categories the static sidebar lists (the app lists all). */
export const STATIC_NAV_LIMIT = 30

function link(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`
}

/**
 * The page frame around the article, built once per build: the site
 * header and the top level of the category tree, with the same elements
 * and classes `root.tsx` and `CategoryNav` render, so nothing moves when
 * the app replaces it.
 */
export function buildFrame(
  site: Site,
  tree: readonly CategoryNode[],
  total: number,
  allLabel: string,
): { before: string; after: string } {
  const items = tree.slice(0, STATIC_NAV_LIMIT).map((node) => {
    const count = `<span class="count">${node.count}</span>`
    const anchor = `<a href="${escapeHtml(paths.category.getHref(node.path))}">${escapeHtml(node.name)} ${count}</a>`
    return node.children.length > 0
      ? `<li><details><summary>${anchor}</summary></details></li>`
      : `<li>${anchor}</li>`
  })
  const all = `<li><a href="/">${escapeHtml(allLabel)} <span class="count">${total}</span></a></li>`
  const before = [
    `<header class="site-header">${link('/', site.name).replace('<a ', '<a class="site-name" ')}</header>`,
    `<div class="layout"><aside class="sidebar"><nav class="category-nav" aria-label="Categories"><ul>${all}${items.join('')}</ul></nav></aside>`,
    `<main id="main" class="content">`,
  ].join('')
  return { before, after: '</main></div>' }
}

function categoryLinks(categories: CategoryPath[]): string {
  if (categories.length === 0) return ''
  const groups = categories.map((path) => {
    const levels = path.map((name, level) => {
      const separator = level > 0 ? '<span aria-hidden="true"> › </span>' : ''
      const href = paths.category.getHref(path.slice(0, level + 1))
      return `<span>${separator}${link(href, name)}</span>`
    })
    return `<span class="category-path">${levels.join('')}</span>`
  })
  return `<span class="category-links">${groups.join('')}</span>`
}

/** `2022-09-03 04:44 UTC`: the app rewrites it in the reader's locale. */
function formatUtc(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/**
 * The article as readers without JavaScript (and crawlers) see it: the
 * header of `ArticleView` (categories, headline, byline) and the summary
 * where the body goes, plus the link to the original in `<noscript>`.
 */
export function buildArticleMarkup(article: ArticleSummary): string {
  const meta = article._zixun
  const author = article.authors.map((a) => a.name).join(', ')
  const source = meta.source && meta.source !== author ? meta.source : ''
  const byline = [
    author && `<span class="byline-author">${escapeHtml(author)}</span>`,
    source && `<span class="byline-source">${escapeHtml(source)}</span>`,
    `<time datetime="${escapeHtml(article.date_published)}">${formatUtc(article.date_published)}</time>`,
  ].join('')
  const external = toSafeHttpUrl(article.external_url)
  const original = external
    ? `<noscript><footer class="article-footer"><a href="${escapeHtml(external)}" rel="noopener noreferrer">阅读原文 · Open original</a></footer></noscript>`
    : ''
  return [
    '<article class="article"><header class="article-header">',
    `<nav aria-label="Breadcrumb" class="article-categories">${categoryLinks(meta.categories)}</nav>`,
    `<h1>${escapeHtml(article.title)}</h1>`,
    `<p class="byline">${byline}</p></header>`,
    `<div class="article-body"><p>${escapeHtml(article.summary)}</p></div>`,
    original,
    '</article>',
  ].join('')
}
