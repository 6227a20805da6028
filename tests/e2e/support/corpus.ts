import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import type { DemoEntry } from '../../../scripts/demo/demo-post'
import { e2eDirs } from '../../../scripts/e2e/corpora'
import type { E2eCorpus } from '../../../scripts/e2e/corpora'
import { sharedPaths } from '../../../scripts/shared-data'
import type { IngestReport } from '../../../src/lib/article-schema'

export type { E2eCorpus }

/** A post of the corpus under test, as the journeys expect to see it. */
export type CorpusPost = {
  /** Relative to its input folder; a feed item is `<file>#<n>`. */
  file: string
  /** The article id, from the ingest report. */
  id: string
  /**
   * The title as written: the reader shows it, or with each `_` the
   * aggregator put in restored from the body (see titlePattern).
   */
  title: string
  categories: string[][]
  bodyHasImage: boolean
  /** What the demo generator made this post do (none for real posts). */
  quirks: string[]
  /** Demo corpus: the generator's own record of the post. */
  demo?: Omit<DemoEntry, 'file' | 'title' | 'categories' | 'quirks'>
}

/**
 * The posts of `corpus`: for `demo`, the generator's own description of
 * what it wrote; for `shared`, the front matter of the real posts. Ids come
 * from the ingest report of the e2e build; a post the ingest did not write
 * is an error here, so every journey starts from a complete corpus.
 */
export function readCorpus(corpus: E2eCorpus): CorpusPost[] {
  const dirs = e2eDirs(corpus)
  const report = JSON.parse(
    readFileSync(path.join(dirs.data, 'ingest-report.json'), 'utf8'),
  ) as IngestReport
  const posts =
    corpus === 'demo' ? describedPosts(dirs.description) : realPosts()
  return posts.map((post) => {
    const entry = report.files.find((candidate) =>
      sameInput(candidate.file, post.file),
    )
    if (!entry?.id || entry.status !== 'written') {
      throw new Error(`${post.file} was not written by the ingest`)
    }
    return { ...post, id: entry.id }
  })
}

/**
 * Matches `title` as the reader shows it: the aggregator wrote
 * `: / \ ? * “ ” < > | [ ]` as `_`, and the ingest may restore them.
 */
export function titlePattern(title: string): RegExp {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(
    `^\\s*${escaped.replaceAll('_', '[_:/\\\\?*“”<>|\\[\\]]')}\\s*$`,
  )
}

/** A title a heading can show, or null for a blank one (a fallback shows). */
export function visibleTitle(title: string): string | null {
  return title.trim() ? title : null
}

/** The reader's link to a category. */
export function categoryHref(categoryPath: readonly string[]): string {
  return `/c/${categoryPath.map(encodeURIComponent).join('/')}`
}

/** Posts under `categoryPath` (a node holds its descendants). */
export function postsUnder(
  corpus: readonly CorpusPost[],
  categoryPath: readonly string[],
): CorpusPost[] {
  return corpus.filter((post) =>
    post.categories.some((p) => categoryPath.every((name, i) => p[i] === name)),
  )
}

/** Every category node of the corpus (each prefix of each path), by link. */
export function corpusCategories(
  corpus: readonly CorpusPost[],
): Map<string, string[]> {
  const all = new Map<string, string[]>()
  for (const categoryPath of corpus.flatMap((post) => post.categories)) {
    for (let level = 1; level <= categoryPath.length; level++) {
      const prefix = categoryPath.slice(0, level)
      all.set(categoryHref(prefix), prefix)
    }
  }
  return all
}

/**
 * Category paths the journeys walk, chosen from what the corpus holds:
 * the fullest node at each depth, and the fullest second-level node whose
 * name holds a space (`IT 之家`).
 */
export function pickCategories(corpus: readonly CorpusPost[]) {
  const nodes = [...corpusCategories(corpus).values()]
    .map((categoryPath) => ({
      categoryPath,
      size: postsUnder(corpus, categoryPath).length,
    }))
    .sort(
      (a, b) =>
        b.size - a.size ||
        a.categoryPath.join('/').localeCompare(b.categoryPath.join('/')),
    )
  const fullest = (test: (categoryPath: string[]) => boolean) => {
    const found = nodes.find((node) => test(node.categoryPath))
    if (!found) throw new Error('the corpus has no such category')
    return found.categoryPath
  }
  return {
    top: fullest((p) => p.length === 1),
    second: fullest((p) => p.length === 2),
    third: fullest((p) => p.length === 3),
    spaced: fullest((p) => p.length === 2 && p[1].includes(' ')),
  }
}

// --- internal ---

type Described = Omit<CorpusPost, 'id'>

function describedPosts(file: string): Described[] {
  const entries = JSON.parse(readFileSync(file, 'utf8')) as DemoEntry[]
  return entries.map(({ file, title, categories, quirks, ...demo }) => ({
    file,
    title,
    categories,
    bodyHasImage: demo.images > 0,
    quirks,
    demo,
  }))
}

function realPosts(): Described[] {
  const dir = sharedPaths.posts
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8')
      const match = /^\s*---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)
      if (!match) throw new Error(`${file}: no front matter`)
      const data = parse(match[1]) as Record<string, unknown>
      return {
        file,
        title: decodeBraces(String(data.title)).trim(),
        categories: [(data.categories as unknown[]).map(String)],
        bodyHasImage: /<img\b/i.test(match[2]),
        quirks: [],
      }
    })
}

function decodeBraces(text: string) {
  return text.replaceAll('&#123;', '{').replaceAll('&#125;', '}')
}

/**
 * The report names an input by its path (absolute, or relative to its input
 * root, maybe after the root's name); `file` is relative to the root.
 */
function sameInput(reported: string, file: string): boolean {
  const normal = reported.split(path.sep).join('/')
  return normal === file || normal.endsWith(`/${file}`)
}
