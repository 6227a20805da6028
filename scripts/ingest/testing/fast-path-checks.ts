import { isDeepStrictEqual } from 'node:util'
import { JSON_FEED_VERSION } from '../../../src/lib/article-schema.ts'
import { toArticle } from '../convert/to-article.ts'
import { prepareArticle } from '../convert/prepare-article.ts'
import { scanHtml } from '../convert/body/html-text.ts'
import { graphemePrefix } from '../convert/fields/summary.ts'
import { parseYamlMatter } from '../read/posts/parse-front-matter.ts'
import { readPost } from '../read/posts/read-post.ts'
import { parseSimpleYaml } from '../read/posts/simple-yaml.ts'
import { splitFrontMatter } from '../read/posts/split-front-matter.ts'
import { renderPage } from '../write/write-lists.ts'

/** A post file's name and text. */
export type PostText = { name: string; text: string }

/** What the fast paths did on a corpus, and where they differed. */
export type FastPathReport = {
  posts: number
  /** Front matters parseSimpleYaml answered (the rest went to yaml). */
  simpleYaml: number
  /** Cuts of body text compared with the Segmenter reference. */
  cuts: number
  /** Pages compared with JSON.stringify. */
  pages: number
  mismatches: string[]
}

const CUTS = 200

/**
 * Runs each hand-made fast path of the ingest over the posts and compares
 * it with its reference: parseSimpleYaml with the yaml package (where it
 * answers), graphemePrefix with Intl.Segmenter over the text at every cut
 * up to 200, renderPage with JSON.stringify of the page. For tests over
 * the demo corpus and the shared one.
 */
export function checkFastPaths(posts: PostText[]): FastPathReport {
  const report: FastPathReport = {
    posts: posts.length,
    simpleYaml: 0,
    cuts: 0,
    pages: 0,
    mismatches: [],
  }
  const items: Uint8Array[] = []
  for (const { name, text } of posts) {
    const { matter } = splitFrontMatter(text)
    const fast = parseSimpleYaml(matter)
    if (fast !== undefined) {
      report.simpleYaml++
      if (!isDeepStrictEqual(fast, parseYamlMatter(matter, 1)))
        report.mismatches.push(`front matter of ${name}`)
    }
    const raw = readPost(
      { path: name, file: name, relPath: name },
      { text, mtimeMs: 0 },
    )
    const body = scanHtml(raw.html).text
    for (let max = 1; max < Math.min(body.length, CUTS); max++) {
      report.cuts++
      if (graphemePrefix(body, max) !== segmenterPrefix(body, max))
        report.mismatches.push(`cut ${max} of ${name}`)
    }
    try {
      items.push(prepareArticle(toArticle(raw, { timeZone: 'UTC' })).itemBytes)
    } catch {
      // No article (a draft): nothing for the pages.
    }
  }
  const pages = Math.ceil(items.length / 24)
  for (let page = 1; page <= pages; page++) {
    report.pages++
    const meta = { page, pages, count: items.length }
    const pageItems = items.slice((page - 1) * 24, page * 24)
    const fast = renderPage({ key: 'k', title: '全部' }, pageItems, meta)
    if (fast.toString() !== referencePage(pageItems, meta))
      report.mismatches.push(`page ${page}`)
  }
  return report
}

// --- internal ---

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' })

/**
 * The definition: the end of the last grapheme that ends within `max`.
 * A boundary depends on the text before it and on the one character after
 * it (UAX #29), so segmenting up to the code point after `max` (at most two
 * code units) is exact.
 */
function segmenterPrefix(text: string, max: number): string {
  let end = 0
  for (const { index, segment } of segmenter.segment(text.slice(0, max + 2))) {
    if (index + segment.length > max) break
    end = index + segment.length
  }
  return text.slice(0, end)
}

function referencePage(
  items: Uint8Array[],
  meta: { page: number; pages: number; count: number },
): string {
  const page = {
    version: JSON_FEED_VERSION,
    title: '全部',
    ...(meta.page < meta.pages ? { next_url: `${meta.page + 1}.json` } : {}),
    items: items.map((item) => JSON.parse(Buffer.from(item).toString())),
    _zixun: { list: 'k', ...meta },
  }
  return `${JSON.stringify(page)}\n`
}
