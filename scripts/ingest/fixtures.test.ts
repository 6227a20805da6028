import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type {
  Article,
  IngestReport,
  ReportEntry,
} from '../../src/lib/article-schema.ts'
import { main } from './main.ts'

// Our own fixtures for Jekyll, Hugo (TOML and JSON front matter), Hexo
// quirks, and each feed format.
const FIXTURES = join(import.meta.dirname, 'fixtures')

let out: string
let report: IngestReport
const log: string[] = []

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'zixun-fixtures-'))
  await main({
    inputs: [FIXTURES],
    outDir: join(out, 'data'),
    cacheDir: join(out, 'cache'),
    log: (l) => log.push(l),
  })
  report = JSON.parse(
    readFileSync(join(out, 'data', 'ingest-report.json'), 'utf8'),
  ) as IngestReport
})

afterAll(() => rmSync(out, { recursive: true, force: true }))

function entry(file: string): ReportEntry {
  const found = report.files.find((e) => e.file === file)
  if (!found) throw new Error(`${file} is not in the report`)
  return found
}

function article(file: string): Article {
  const { id } = entry(file)
  return JSON.parse(
    readFileSync(join(out, 'data', 'articles', `${id}.json`), 'utf8'),
  ) as Article
}

test('every input file and feed item is in the report', () => {
  expect(report.counts).toEqual({
    written: 18,
    merged: 2,
    rejected: 0,
    skipped: 0,
  })
  expect(report.files).toHaveLength(20)
})

describe('posts', () => {
  test('Jekyll: Markdown rendered, raw HTML kept, flat categories, tracking params gone, relative URLs resolved', () => {
    const a = article('jekyll/_posts/2021-05-09-hello-jekyll.md')
    expect(a.title).toBe('Hello from Jekyll: a Markdown post')
    expect(a.date_published).toBe('2021-05-09T00:30:00Z')
    expect(a._zixun.categories).toEqual([['release'], ['notes']])
    expect(a.tags).toEqual(['release', 'notes', 'jekyll', 'markdown'])
    expect(a.external_url).toBe(
      'https://blog.example.com/2021/05/09/hello-jekyll.html?ref=home',
    )
    expect(a.content_html).toContain('<strong>Markdown</strong>')
    expect(a.content_html).toContain(
      'href="https://blog.example.com/2021/05/about/"',
    )
    expect(a.content_html).toContain(
      '<figure class="wide"><img src="https://blog.example.com/2021/05/09/photo.jpg"',
    )
    expect(a.content_html).toContain('&lt;not a tag&gt;')
    // Root-relative URLs in a post file belong to its own site: kept.
    expect(a.image).toBe('/assets/diagram.png')
    expect(a.content_html).toContain('<img src="/assets/diagram.png"')
  })

  test('Hugo TOML: slug as id, offset date, cover image, flat categories', () => {
    const a = article('hugo/toml-post.md')
    expect(a.id).toBe('hugo-toml')
    expect(a.date_published).toBe('2022-01-15T09:00:00Z')
    expect(a.image).toBe('https://img.example.com/hugo-cover.png')
    expect(a._zixun.categories).toEqual([['Tech'], ['Go']])
    expect(a.authors).toEqual([{ name: 'Hu Go' }])
  })

  test('Hugo JSON: description as summary, author object', () => {
    const a = article('hugo/json-post.md')
    expect(a.summary).toBe('An explicit description is the summary.')
    expect(a.authors).toEqual([{ name: 'Jason' }])
    expect(a.content_html).toBe(
      '<p>Body text of the <strong>JSON</strong> post.</p>',
    )
  })

  test.each([
    ['hexo/bom-crlf.md', 'BOM and CRLF', [['Hexo', 'Quirks'], ['Other']]],
    ['hexo/double-bom.md', 'Double-encoded BOM', [['Hexo']]],
    [
      'hexo/runaway-quotes.md',
      'Learning to Summarize with Human Feedback',
      [['编程', 'Hacker News']],
    ],
    ['hexo/block-scalar.md', 'Duplicate keys: the last one wins', [['新媒体']]],
  ])('Hexo quirk %s', (file, title, paths) => {
    const a = article(file)
    expect(a.title).toBe(title)
    expect(a._zixun.categories).toEqual(paths)
    expect(entry(file).status).toBe('written')
  })

  test('a number as author stays a name', () => {
    expect(article('hexo/bom-crlf.md').authors).toEqual([{ name: '100071' }])
  })
})

describe('feeds', () => {
  test('RSS 2.0: content:encoded body, description summary, media:thumbnail, feed title as source', () => {
    const a = article('feeds/rss.xml#1')
    expect(a.id).toBe('item-1')
    expect(a.title).toBe('RSS item with content:encoded')
    expect(a.summary).toBe('A short description.')
    expect(a.image).toBe('https://cdn.example.com/thumb-1.jpg')
    expect(a.date_published).toBe('2022-05-10T01:00:00Z')
    expect(a.authors).toEqual([{ name: 'Reporter One' }])
    expect(a._zixun.source).toBe('Example & News')
    expect(a._zixun.categories).toEqual([['World'], ['Asia']])
    expect(a.content_html).toContain('href="https://news.example.com/related"')
    expect(a.content_html).toContain(
      'src="https://news.example.com/items/img/inline.png"',
    )
  })

  test('RSS 2.0: media:content image, enclosure image, non-RFC date', () => {
    expect(article('feeds/rss.xml#2').image).toBe(
      'https://cdn.example.com/photo-2.jpg',
    )
    expect(article('feeds/rss.xml#2').content_html).toBe(
      '<p>Escaped HTML description.</p>',
    )
    const third = article('feeds/rss.xml#3')
    expect(third.image).toBe('https://cdn.example.com/photo-3.jpg')
    expect(third.date_published).toBe('2022-05-12T08:00:00Z')
    expect(third.external_url).toBe('https://news.example.com/items/3')
  })

  test('an unreadable date falls back to the file time, and the report says so', () => {
    expect(entry('feeds/rss.xml#4')).toMatchObject({
      status: 'written',
      reason:
        'unreadable date "sometime last week"; used the file\'s modification time',
    })
    expect(
      log.some((l) => l.startsWith('note: ') && l.includes('rss.xml#4')),
    ).toBe(true)
  })

  test('Atom 1.0: html, xhtml and text content; alternate link cleaned; label as category', () => {
    const html = article('feeds/atom.xml#1')
    expect(html.external_url).toBe('https://atom.example.org/2022/03/html')
    expect(html.date_published).toBe('2022-03-01T00:00:00Z')
    expect(html._zixun.source).toBe('Atom Blog')
    expect(html._zixun.categories).toEqual([['Science']])
    expect(html.image).toBe('https://atom.example.org/2022/03/pic.png')
    expect(html._zixun.image_size).toEqual({ width: 10, height: 5 })
    expect(article('feeds/atom.xml#2').content_html).toBe(
      '<p>XHTML <b>content</b>.</p>',
    )
    expect(article('feeds/atom.xml#3').content_html).toBe(
      'Text with &lt;b&gt; that is not a tag.',
    )
  })

  test('JSON Feed 1.0: feed-level author, tags, relative image resolved', () => {
    const a = article('feeds/feed-1.0.json#1')
    expect(a.id).toBe('1')
    expect(a.authors).toEqual([{ name: 'Feed Author' }])
    expect(a.tags).toEqual(['json', 'feeds'])
    expect(a.image).toBe('https://one.example.net/img/a.png')
    expect(a.date_published).toBe('2022-02-01T15:00:00Z')
  })

  test('JSON Feed 1.1: authors list, content_text, a title made from the text', () => {
    const a = article('feeds/feed-1.1.json#1')
    expect(a.title).toBe('A microblog post without a title.')
    expect(a.authors).toEqual([{ name: 'Eleven' }])
    expect(a.content_html).toBe(
      '<p>A microblog post without a title.</p>\n<p>Second paragraph &lt;not html&gt;.</p>',
    )
    expect(a.image).toBe('https://eleven.example.net/cover.jpg')
  })
})

describe('duplicates', () => {
  test('same id: the newer post wins, the other is merged', () => {
    expect(entry('hexo/duplicate-b.md')).toMatchObject({
      status: 'written',
      id: 'shared-slug',
    })
    expect(entry('hexo/duplicate-a.md')).toMatchObject({
      status: 'merged',
      id: 'shared-slug',
      merged_into: 'hexo/duplicate-b.md',
    })
    expect(article('hexo/duplicate-b.md').title).toBe('Same slug, newer')
  })

  test('same original link (after removing tracking params): one article', () => {
    expect(entry('hexo/same-link.md')).toMatchObject({
      status: 'merged',
      merged_into: 'feeds/rss.xml#1',
      id: 'item-1',
      reason: 'duplicate (same original link)',
    })
  })
})
