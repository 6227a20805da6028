import type { PostParts } from './post-parts.ts'

export { ANCHOR_DATE, SPREAD_DAYS } from './post-parts.ts'

/**
 * Writes `parts` as the Hexo file the aggregator commits: front matter in
 * its current shape (or, with `parts.oldShape`, the older one: 4-space
 * list, a blank line, nothing quoted that need not be, no `headimg`),
 * then the body in the aggregator's `<div>` wrapper, or as Markdown.
 */
export function renderPostFile(parts: PostParts): string {
  const title = cleanTitle(parts.title)
  const matter = parts.oldShape
    ? oldFrontMatter(parts, title)
    : currentFrontMatter(parts, title)
  // The aggregator writes braces as entities everywhere (Nunjucks safety).
  const yaml = matter
    .join('\n')
    .replaceAll('{', '&#123;')
    .replaceAll('}', '&#125;')
  const head = `${parts.lead}---\n${yaml}\n---\n\n`
  if (parts.format === 'markdown') return `${head}${parts.body}\n`
  return `${head}<div>   \n${parts.body}  \n</div>\n            `
}

/** The file name (no extension) the aggregator gives the post. */
export function postFileBase(parts: PostParts): string {
  return parts.fileBase ?? fileName(cleanTitle(parts.title))
}

/** The aggregator's title cleaning: `: / \ ? * “ ” < > | [ ]` become `_`. */
export function cleanTitle(title: string): string {
  return title.replace(/[:/\\?*“”<>|[\]]/g, '_')
}

/** The aggregator's file name: the cleaned title without dots. */
export function fileName(cleanedTitle: string): string {
  return cleanedTitle.replaceAll('.', '').trim() || 'untitled'
}

/** YAML scalar the way the aggregator writes it: single quotes unless the text holds `'`. */
export function quote(text: string): string {
  if (!text.includes("'")) return `'${text}'`
  if (!text.includes('"') && !text.includes('\\')) return `"${text}"`
  return `'${text.replaceAll("'", "''")}'`
}

/** `Thu, 29 Apr 2021 14:14:00 GMT`, or the zone-less `2021-05-09 00:04:29`. */
export function formatDate(date: Date, local: boolean): string {
  if (!local) return date.toUTCString()
  return date.toISOString().slice(0, 19).replace('T', ' ')
}

// --- internal ---

function currentFrontMatter(parts: PostParts, title: string): string[] {
  const { headimg, link } = parts
  return [
    `title: ${quote(title)}`,
    'categories: ',
    ...parts.categories[0].map((name) => ` - ${name}`),
    ...(headimg ? [`headimg: ${quote(headimg)}`] : []),
    `author: ${parts.feed.author}`,
    'comments: false',
    `date: ${formatDate(parts.date, parts.localDate)}`,
    ...(headimg ? [`thumbnail: ${quote(headimg)}`] : []),
    ...(link ? [`link: ${quote(link)}`] : []),
  ]
}

function oldFrontMatter(parts: PostParts, title: string): string[] {
  const { headimg, link } = parts
  return [
    `title: ${plainOrQuoted(title)}`,
    'categories:',
    ...parts.categories[0].map((name) => `    - ${name}`),
    `author: ${parts.feed.author}`,
    '',
    'comments: false',
    `date: ${formatDate(parts.date, parts.localDate)}`,
    ...(headimg ? [`thumbnail: ${plainOrQuoted(headimg)}`] : []),
    ...(link ? [`link: ${plainOrQuoted(link)}`] : []),
  ]
}

/** Unquoted where YAML reads the text back unchanged as a string. */
function plainOrQuoted(text: string): string {
  const plain =
    /^[^\s'"&*!|>%@`#,[\]{}?:-]/.test(text) &&
    !/: |\s#|\s$|:$/.test(text) &&
    !/^(?:true|false|null|~|[\d.+-]+)$/i.test(text)
  return plain ? text : quote(text)
}
