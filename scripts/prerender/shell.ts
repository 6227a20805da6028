import { AFTER_PAINT_HINT } from '../../src/config/shell.ts'

/** The built `index.html`, cut where each prerendered page differs. */
export type Shell = {
  /** Everything before the page's own head elements (CSP meta first). */
  headStart: string
  /** From after them to the inside of `<div id="root">`. */
  rootStart: string
  /** From the end of `#root` to the end of the document. */
  end: string
  /** The shell's `<title>`, used as the site name. */
  title: string
  /** The shell's meta description. */
  description: string
}

const TITLE = /<title>([\s\S]*?)<\/title>\s*/i
const DESCRIPTION = /<meta\s+name="description"\s+content="([^"]*)"\s*\/?>\s*/i
const ROOT = /<div id="root"><\/div>/

function decodeEntities(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
}

/**
 * Splits the built `index.html` so every article page is the same shell
 * (hashed script and stylesheet, CSP meta) with its own head elements
 * where the shell's title and description were, and its markup inside
 * `#root`. Throws when the shell lacks what the pages need.
 */
export function splitShell(html: string): Shell {
  const title = TITLE.exec(html)
  if (!title) throw new Error('index.html has no <title>')
  if (!ROOT.test(html)) throw new Error('index.html has no empty #root')
  const description = DESCRIPTION.exec(html)
  const withoutDescription = description
    ? html.replace(description[0], '')
    : html
  const titleAt = withoutDescription.indexOf(title[0])
  const headStart = withoutDescription.slice(0, titleAt)
  const rest = withoutDescription.slice(titleAt + title[0].length)
  const root = ROOT.exec(rest)
  if (!root) throw new Error('index.html has #root before <title>')
  const rootOpen = root.index + '<div id="root">'.length
  return {
    headStart,
    rootStart: rest.slice(0, rootOpen),
    end: rest.slice(rootOpen),
    title: decodeEntities(title[1].trim()),
    description: decodeEntities(description?.[1] ?? ''),
  }
}

/**
 * One page: the shell with `head` in place of its title and `body` in
 * `#root`. Its hints, the shell's and its own, wait for its first paint
 * (`AFTER_PAINT_HINT`).
 */
export function fillShell(shell: Shell, head: string, body: string): string {
  const top = `${shell.headStart}${head}\n    ${shell.rootStart}`
  return `${hintsAfterFirstPaint(top)}${body}${shell.end}`
}

/** `<link rel="modulepreload|preload" …>` as `<link data-after-paint="…" …>`. */
function hintsAfterFirstPaint(head: string): string {
  return head.replace(
    /<link rel="(modulepreload|preload)"/g,
    `<link ${AFTER_PAINT_HINT}="$1"`,
  )
}

/**
 * The built `index.html` with `links` at the end of its `<head>`: the
 * hints every page of the app needs, whatever its route (the root route's
 * code, the manifest). Throws when there is no `</head>`.
 */
export function addHeadLinks(html: string, links: readonly string[]): string {
  const at = html.indexOf('</head>')
  if (at === -1) throw new Error('index.html has no </head>')
  const added = links.map((link) => `  ${link}\n  `).join('')
  return `${html.slice(0, at)}${added}${html.slice(at)}`
}
