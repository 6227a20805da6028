/**
 * The XSS corpus of the browser journey: one Hexo post per payload, made at
 * test time from Zixun's own payloads (xss-payloads.ts; `own`, in
 * `npm run test:e2e`) or from those and DOMPurify's fixtures (`all`, in
 * `npm run test:corpora`; read from the shared folder, never copied here).
 *
 * Every post puts its payload raw into the body; some also into the title,
 * into the first paragraph as text (so it lands in the list summary), or
 * carry a payload as a category name, author, link or thumbnail.
 * Usage: tsx scripts/e2e/xss-corpus.ts [own|all]
 *   (writes .cache/e2e-xss/<set>/posts)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { requireSharedData } from '../shared-data.ts'
import { FIELD_PAYLOADS, ZIXUN_PAYLOADS } from './xss-payloads.ts'

const cache = path.resolve(import.meta.dirname, '../../.cache/e2e-xss')

/** Ours only, or DOMPurify's fixtures too. */
export type XssCaseSet = 'own' | 'all'

/** Inputs and outputs of an XSS build (served on its own port). */
export function xssDirs(set: XssCaseSet) {
  const root = path.join(cache, set)
  return {
    posts: path.join(root, 'posts'),
    data: path.join(root, 'data'),
    dist: path.join(root, 'dist'),
    /** The residue scanner bundled for the page (see serve-xss.ts). */
    scanner: path.join(root, 'scanner'),
  }
}

export type XssCase = {
  /** `dompurify-NNN` or `zixun-<name>`. */
  id: string
  source: 'DOMPurify' | 'Zixun'
  payload: string
}

/** Where a post's payload went besides the body. */
export type XssPost = XssCase & {
  /** The article id (front matter `slug`). */
  slug: string
  file: string
  inTitle: boolean
  inSummary: boolean
  categories: string[]
  author?: string
  link?: string
  thumbnail?: string
}

/**
 * Zixun's own payloads; for `all`, DOMPurify's 223 fixtures first (read
 * now; throws the message of scripts/shared-data.ts when they are missing).
 */
export function readXssCases(set: XssCaseSet): XssCase[] {
  const own = ZIXUN_PAYLOADS.map(({ id, payload }) => ({
    id,
    source: 'Zixun' as const,
    payload,
  }))
  if (set === 'own') return own
  const file = requireSharedData().xssFixtures
  const fixtures = JSON.parse(readFileSync(file, 'utf8')) as Array<{
    id: string
    payload: string
  }>
  return [
    ...fixtures.map(({ id, payload }) => ({
      id,
      source: 'DOMPurify' as const,
      payload,
    })),
    ...own,
  ]
}

/** Posts 7, 17, 27, 37 and 47 carry the field payloads (any set is longer). */
function specialAt(index: number): number {
  return index % 10 === 7 && index < 50 ? (index - 7) / 10 : -1
}

/** What goes where, for every case; deterministic. */
export function planXssPosts(cases: XssCase[]): XssPost[] {
  return cases.map((entry, index) => {
    const slug = `xss-${entry.id}`
    const special = specialAt(index)
    const categories =
      special === 0
        ? ['XSS', FIELD_PAYLOADS.category]
        : special === 1
          ? ['XSS', entry.source, FIELD_PAYLOADS.nestedCategory]
          : ['XSS', entry.source]
    const body = bodyOf(entry.payload, index % 2 === 0)
    return {
      ...entry,
      slug,
      file: `${slug}${looksLikeHtml(body) ? '.md' : '.html'}`,
      inTitle: entry.source === 'Zixun' || index % 3 === 0,
      inSummary: index % 2 === 0,
      categories,
      ...(special === 2 || special === 4
        ? { author: FIELD_PAYLOADS.author }
        : {}),
      ...(special === 3 ? { link: FIELD_PAYLOADS.link } : {}),
      ...(special === 4 ? { thumbnail: FIELD_PAYLOADS.thumbnail } : {}),
    }
  })
}

/** Writes one post per case of `set` (its folder emptied first); returns the plan. */
export function writeXssCorpus(set: XssCaseSet): XssPost[] {
  const dir = xssDirs(set).posts
  const posts = planXssPosts(readXssCases(set))
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const start = Date.parse('2026-01-01T00:00:00Z')
  posts.forEach((post, index) => {
    // Newest first in the lists = corpus order.
    const date = new Date(start - index * 60_000).toISOString()
    writeFileSync(path.join(dir, post.file), postText(post, date))
  })
  return posts
}

function postText(post: XssPost, date: string): string {
  const oneLine = post.payload.replace(/\s+/g, ' ')
  const title = post.inTitle
    ? `XSS ${post.id} ${oneLine}`
    : `XSS ${post.id} (${post.source})`
  const matter = [
    '---',
    `title: ${yamlString(title)}`,
    `slug: ${post.slug}`,
    'categories:',
    ...post.categories.map((name) => ` - ${yamlString(name)}`),
    `author: ${yamlString(post.author ?? 'Zixun XSS corpus')}`,
    `date: ${date}`,
    ...(post.link ? [`link: ${yamlString(post.link)}`] : []),
    ...(post.thumbnail ? [`thumbnail: ${yamlString(post.thumbnail)}`] : []),
    'comments: false',
    '---',
    '',
  ]
  return `${matter.join('\n')}${bodyOf(post.payload, post.inSummary)}\n`
}

/**
 * The raw payload, after a first paragraph holding it as text when
 * `asText` (the ingest builds the summary from the first text).
 */
function bodyOf(payload: string, asText: boolean): string {
  return asText ? `<p>${escapeHtml(payload)}</p>\n${payload}` : payload
}

/** Double-quoted YAML (JSON escapes are valid YAML escapes). */
function yamlString(value: string): string {
  return JSON.stringify(value)
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}

/**
 * Mirrors the ingest's rule for Markdown files whose body is HTML: those are
 * taken as they are; any other payload is written as an `.html` post so
 * Markdown rendering does not change it.
 */
function looksLikeHtml(body: string): boolean {
  const text = body.trim()
  return /^<(?:[a-zA-Z][\w-]*|!--)[^]*>$/.test(text) && !/^<https?:/i.test(text)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const set = process.argv[2] === 'all' ? 'all' : 'own'
  const posts = writeXssCorpus(set)
  console.log(`xss corpus: ${posts.length} posts in ${xssDirs(set).posts}`)
}
