import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { readOpml } from './read-opml.ts'
import { readSubscriptionList } from './read-subscription-list.ts'
import { writeOpml } from './write-opml.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zixun-list-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0" xmlns:zixun="urn:x-zixun:opml">
  <head><title>我的订阅</title></head>
  <body>
    <outline text="科技">
      <outline text="开源">
        <outline type="rss" text="开源中国" xmlUrl="https://oschina.example/news/rss" htmlUrl="https://oschina.example/" zixun:fullText="true" zixun:maxItems="200"/>
      </outline>
      <outline type="rss" text="https://bare.example/feed" xmlURL="https://bare.example/feed" keepDays="30"/>
    </outline>
    <outline type="rss" title="Top level" text="ignored" xmlUrl="https://top.example/atom.xml"/>
  </body>
</opml>`

test('nested outlines are category paths; options are attributes, with or without the zixun: prefix', () => {
  const { list, problems } = readOpml(OPML)
  expect(problems).toEqual([])
  expect(list).toEqual({
    title: '我的订阅',
    feeds: [
      {
        url: 'https://oschina.example/news/rss',
        title: '开源中国',
        siteUrl: 'https://oschina.example/',
        category: ['科技', '开源'],
        options: { fullText: true, maxItems: 200 },
      },
      {
        url: 'https://bare.example/feed',
        category: ['科技'],
        options: { keepDays: 30 },
      },
      {
        url: 'https://top.example/atom.xml',
        title: 'Top level',
        category: [],
        options: {},
      },
    ],
  })
})

test('the export reads back to the same list', () => {
  const { list } = readOpml(OPML)
  expect(readOpml(writeOpml(list))).toEqual({ list, problems: [] })
})

test('a list that is not valid is refused with every problem and its line', () => {
  const bad = file(
    'bad.opml',
    `<opml version="2.0"><body>
<outline text="a" xmlUrl="ftp://x.example/feed"/>
<outline text="b" xmlUrl="https://x.example/feed" zixun:maxItems="many" zixun:fullText="yes"/>
</body></opml>`,
  )
  expect(() => readSubscriptionList(bad)).toThrow(
    /bad\.opml is not valid:\n {2}line 2: xmlUrl is not an http\(s\) URL: "ftp:\/\/x\.example\/feed"\n {2}line 3: fullText must be true or false, got "yes"\n {2}line 3: maxItems must be a whole number above 0, got "many"/,
  )
  expect(() =>
    readSubscriptionList(file('empty.opml', '<opml><body></body></opml>')),
  ).toThrow(/lists no feed/)
  expect(() =>
    readSubscriptionList(file('html.opml', '<html><body/></html>')),
  ).toThrow(/root element is <html>/)
  expect(() => readSubscriptionList(join(dir, 'missing.opml'))).toThrow(
    /cannot read the subscription list missing\.opml \(ENOENT\)/,
  )
  expect(() =>
    readSubscriptionList(file('bad.yaml', 'feeds: [unclosed')),
  ).toThrow(/not valid YAML/)
})

test('the YAML and JSON forms say the same as OPML, and a feed listed twice is read once', () => {
  const yaml = file(
    'feeds.yaml',
    `title: 我的订阅
feeds:
  - url: https://oschina.example/news/rss
    title: 开源中国
    category: 科技/开源
    fullText: true
    maxItems: 200
  - https://top.example/atom.xml
  - url: https://top.example/atom.xml#again
`,
  )
  const { list, warnings } = readSubscriptionList(yaml)
  expect(list.feeds.map((f) => [f.url, f.category, f.options])).toEqual([
    [
      'https://oschina.example/news/rss',
      ['科技', '开源'],
      { fullText: true, maxItems: 200 },
    ],
    ['https://top.example/atom.xml', [], {}],
  ])
  expect(warnings).toEqual([
    'listed twice, read once: https://top.example/atom.xml#again',
  ])
  const json = file(
    'feeds.json',
    JSON.stringify({
      feeds: [{ url: 'https://a.example/f', category: ['A', 'B'] }],
    }),
  )
  expect(readSubscriptionList(json).list.feeds[0].category).toEqual(['A', 'B'])
})
