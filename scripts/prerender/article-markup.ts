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
 * header and the top level of the category tree (folded on phones), with
 * the same elements and classes `root.tsx` and `CategoryNav` render, so
 * nothing moves when the app replaces it.
 */
export function buildFrame(
  site: Site,
  tree: readonly CategoryNode[],
  total: number,
  allLabel: string,
): { before: string; after: string } {
  const row = (href: string, name: string, count: number) =>
    `<li><div class="category-row"><a href="${escapeHtml(href)}">${escapeHtml(name)} <span class="count">${count}</span></a></div></li>`
  const items = tree
    .slice(0, STATIC_NAV_LIMIT)
    .map((node) =>
      row(paths.category.getHref(node.path), node.name, node.count),
    )
  const toggle = `<button type="button" class="category-toggle" aria-expanded="false" aria-controls="category-tree">Categories<span class="category-toggle-current">${escapeHtml(allLabel)}</span></button>`
  const before = [
    `<header class="site-header">${link('/', site.name).replace('<a ', '<a class="site-name" ')}</header>`,
    '<div class="layout"><aside class="sidebar">',
    `<nav aria-label="Categories" class="category-nav" data-open="false">${toggle}`,
    `<ul id="category-tree" class="category-tree">${row('/', allLabel, total)}${items.join('')}</ul></nav></aside>`,
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

function breadcrumb(path: CategoryPath | undefined, allLabel: string): string {
  if (!path) return ''
  const levels = path.map(
    (name, level) =>
      `<li>${link(paths.category.getHref(path.slice(0, level + 1)), name)}</li>`,
  )
  return `<nav aria-label="Breadcrumb" class="breadcrumb"><ol><li>${link('/', allLabel)}</li>${levels.join('')}</ol></nav>`
}

/**
 * The article as readers without JavaScript (and crawlers) see it: the
 * breadcrumb and header of the detail route (categories, headline,
 * byline) and the summary where the body goes, plus the link to the
 * original in `<noscript>`. Same elements and classes as the app.
 */
export function buildArticleMarkup(
  article: ArticleSummary,
  allLabel: string,
): string {
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
    breadcrumb(meta.categories[0], allLabel),
    '<article class="article"><header class="article-header">',
    `<p class="article-categories">${categoryLinks(meta.categories)}</p>`,
    `<h1>${escapeHtml(article.title)}</h1>`,
    `<p class="byline">${byline}</p></header>`,
    `<div class="article-body"><p>${escapeHtml(article.summary)}</p></div>`,
    original,
    '</article>',
  ].join('')
}
