import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import type { DemoEntry } from './demo-post.ts'
import { FEED_FILE_ITEMS } from './feed-file.ts'
import { generateDemoCorpus } from './generate.ts'
import { LAZY_ATTRIBUTES } from './quirk-images.ts'
import { QUIRKS, REAL_SHAPED } from './quirks.ts'

// A small real-shaped corpus, the size of the e2e one: every quirk must be
// in it (its first posts showcase one each), as the description says.
const COUNT = 60

let root: string
let entries: DemoEntry[]
const texts = new Map<string, string>()

const posts = () => entries.filter((e) => !e.file.includes('#'))
const withQuirk = (quirk: string) =>
  posts().filter((entry) => entry.quirks.includes(quirk as never))
const textOf = (entry: DemoEntry) => texts.get(entry.file) ?? ''
const frontMatter = (text: string) => {
  const match = /^\n?---\n([\s\S]*?)\n---\n/.exec(text)
  if (!match) throw new Error(`no front matter in ${text.slice(0, 80)}`)
  return { yaml: match[1], data: parse(match[1]) as Record<string, unknown> }
}
const body = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 5)

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'zixun-quirks-'))
  const result = await generateDemoCorpus({
    count: COUNT,
    outDir: root,
    quirks: REAL_SHAPED,
    describe: true,
  })
  entries = result.entries ?? []
  for (const file of await readdir(root, { recursive: true })) {
    if (!/\.(md|xml|json)$/.test(file)) continue
    texts.set(
      file.split(path.sep).join('/'),
      await readFile(path.join(root, file), 'utf8'),
    )
  }
})
afterAll(() => rm(root, { recursive: true, force: true }))

test('describes every post it wrote, in corpus order, and every quirk of the mix', () => {
  expect(entries).toHaveLength(COUNT)
  for (const entry of entries) {
    expect(texts.has(entry.file.split('#')[0]), entry.file).toBe(true)
  }
  const seen = new Set(entries.flatMap((entry) => entry.quirks))
  expect([...seen].sort()).toEqual([...QUIRKS].sort())
  expect(new Set(entries.map((e) => e.file)).size).toBe(COUNT)
})

test('the same seed writes the same bytes and description', async () => {
  const again = path.join(root, '..', `${path.basename(root)}-again`)
  const result = await generateDemoCorpus({
    count: COUNT,
    outDir: again,
    quirks: REAL_SHAPED,
    describe: true,
  })
  expect(result.entries).toEqual(entries)
  for (const [file, text] of texts) {
    expect(await readFile(path.join(again, file), 'utf8'), file).toBe(text)
  }
  await rm(again, { recursive: true, force: true })
})

test('front matter is YAML whose title and categories match the description', () => {
  for (const entry of posts()) {
    const { data } = frontMatter(textOf(entry))
    const title = String(data.title)
      .replaceAll('&#123;', '{')
      .replaceAll('&#125;', '}')
    expect(title, entry.file).toBe(entry.title)
    expect([data.categories], entry.file).toEqual(entry.categories)
  }
})

describe('titles and file names', () => {
  test('cleaned titles: `_` in the file, the source title at the top of the body', () => {
    for (const entry of withQuirk('cleaned-title')) {
      expect(entry.title).toContain('_')
      expect(entry.sourceTitle).toMatch(/[:/\\?*“”<>|[\]]/)
      const escaped = entry
        .sourceTitle!.replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
      expect(
        body(textOf(entry)).replaceAll('&#123;', '{').replaceAll('&#125;', '}'),
      ).toContain(escaped)
    }
  })

  test('punctuation reaches the file names', () => {
    const names = withQuirk('punctuation-title')
      .map((entry) => path.basename(entry.file))
      .join('')
    for (const char of ['"', "'", '$', '%', '+', '&', '~', '^', '🎉']) {
      expect(names, char).toContain(char)
    }
  })

  test('a title of one space lives in " .md"', () => {
    const [entry] = withQuirk('space-title')
    expect(path.basename(entry.file)).toBe(' .md')
    expect(frontMatter(textOf(entry)).yaml).toContain("title: ' '")
  })

  test('the older front matter: 4-space list, two levels, a blank line, no headimg', () => {
    for (const entry of withQuirk('old-front-matter')) {
      const { yaml } = frontMatter(textOf(entry))
      expect(yaml).toMatch(/^categories:\n {4}- \S/m)
      expect(yaml).toContain('\n\n')
      expect(yaml).not.toContain('headimg')
      expect(entry.categories[0]).toHaveLength(2)
      expect(entry.categories[0][1]).toMatch(/ - /)
    }
  })

  test('braces are entities in front matter and body, braces in the description', () => {
    const texts = withQuirk('braces').map(textOf).join('\n')
    expect(texts).toMatch(/^title: .*&#123;.*&#125;/m)
    expect(texts).toContain('&#123;&#123; title &#125;&#125;')
    expect(texts).not.toMatch(/[{}]/)
    expect(withQuirk('braces').some((e) => /\{.+\}/.test(e.title))).toBe(true)
  })
})

describe('bodies', () => {
  const all = (quirk: string) =>
    withQuirk(quirk)
      .map((e) => body(textOf(e)))
      .join('\n')

  test.each([
    [
      'style-block',
      [
        /<style>@charset "UTF-8";\.markdown-body&#123;/,
        /data-id="heading-1"/,
        /复制代码/,
      ],
    ],
    ['pseudo-tags', [/<DistroName>/, /<dependency>/, /List<T>/]],
    [
      'inline-styles',
      [
        /<p style="color:#000000; margin-left:0/,
        /<span style="background-color:#ffffff; color:#40485b">/,
        /<p> <\/p>/,
        /<ul style=|<ol style=/,
      ],
    ],
    ['whitespace-runs', [/\n {60,}</]],
    [
      'source-markup',
      [
        /_src="/,
        /align="center"/,
        / w="\d+" h="\d+"/,
        /data-vmark=/,
        /onclick data-zkinfo=/,
        /&sub=feed&utm_source=rss/,
        /C:\\Program Files\\/,
        /text-indent:2em/,
      ],
    ],
  ])('%s', (quirk, patterns) => {
    const html = all(quirk)
    for (const pattern of patterns)
      expect(html, String(pattern)).toMatch(pattern)
  })

  test('Markdown posts have no HTML wrapper, and Markdown structure', () => {
    for (const entry of withQuirk('markdown')) {
      const text = body(textOf(entry))
      expect(text).not.toContain('<div>')
      expect(text).toMatch(/^## \S/m)
      expect(text).toMatch(/^- \S/m)
    }
  })
})

describe('images', () => {
  test('a CORS-proxied thumbnail, the real image lazy in data-original', () => {
    for (const entry of withQuirk('cors-proxy-image')) {
      const text = textOf(entry)
      expect(frontMatter(text).data.thumbnail).toMatch(
        /^https:\/\/cors\.zfour\.workers\.dev\/\?http:\/\//,
      )
      expect(text).toMatch(/data-original="http:\/\/[^"]+" data-height="1596"/)
    }
  })

  test('query strings with =, "," and & in image URLs and thumbnails', () => {
    const text = withQuirk('query-string-image').map(textOf).join('\n')
    expect(text).toMatch(/<img src="[^"]*\?[^"]*=[^"]*,[^"]*"/)
    expect(text).toMatch(/<img src="[^"]*\?[^"]*&[^"]*"/)
    expect(text).toMatch(/^thumbnail: '[^']*\?[^']*=/m)
  })

  test('every lazy-loading attribute appears', () => {
    const html = withQuirk('lazy-images').map(textOf).join('\n')
    for (const attribute of LAZY_ATTRIBUTES) {
      expect(html, attribute).toMatch(
        new RegExp(`<img [^>]*${attribute}="/demo/images/`),
      )
    }
  })

  test('relative images come with a link to resolve them against', () => {
    const html = withQuirk('relative-images').map(textOf).join('\n')
    expect(html).toMatch(/<img src="images\//)
    expect(html).toMatch(/<img src="\.\.\/uploads\//)
    expect(html).toMatch(/srcset="images\/\S+ 1x, \.\.\/uploads\//)
    expect(html).toMatch(/data-(original|src)="images\//)
    for (const entry of withQuirk('relative-images'))
      expect(entry.link).toMatch(/^https:\/\//)
  })
})

test('feed items are numbered as the ingest names them, in valid RSS, Atom and JSON Feed', () => {
  const items = entries.filter((e) => e.file.includes('#'))
  expect(new Set(items.map((e) => e.format))).toEqual(
    new Set(['rss', 'atom', 'json-feed']),
  )
  const byFile = new Map<string, DemoEntry[]>()
  for (const item of items) {
    const file = item.file.split('#')[0]
    byFile.set(file, [...(byFile.get(file) ?? []), item])
  }
  for (const [file, group] of byFile) {
    expect(group.map((e) => Number(e.file.split('#')[1]))).toEqual(
      group.map((_, i) => i + 1),
    )
    expect(group.length).toBeLessThanOrEqual(FEED_FILE_ITEMS)
    const text = texts.get(file)!
    if (file.endsWith('.json')) {
      const feed = JSON.parse(text) as {
        items: { title: string; tags: string[] }[]
      }
      expect(feed.items.map((i) => i.title)).toEqual(group.map((e) => e.title))
      expect(feed.items.map((i) => [i.tags])).toEqual(
        group.map((e) => e.categories),
      )
    } else {
      const tag = file.endsWith('.rss.xml') ? 'item' : 'entry'
      expect(text.match(new RegExp(`<${tag}>`, 'g'))).toHaveLength(group.length)
    }
  }
})
