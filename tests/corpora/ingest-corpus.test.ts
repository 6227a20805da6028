import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type {
  Article,
  IngestReport,
  Manifest,
} from '../../src/lib/article-schema.ts'
import { main } from '../../scripts/ingest/main.ts'
import { requireSharedData } from '../../scripts/shared-data.ts'

// The 40 real Hexo posts described in the shared corpus/SOURCE.md,
// read where they are (never copied into the repository).
const CORPUS = requireSharedData().posts

let out: string
let byFile: Map<string, Article>
let manifest: Manifest

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'zixun-corpus-'))
  await main({
    inputs: [CORPUS],
    outDir: join(out, 'data'),
    cacheDir: join(out, 'cache'),
  })
  const report = readJson<IngestReport>('ingest-report.json')
  manifest = readJson<Manifest>('manifest.json')
  byFile = new Map(
    report.files.map((entry) => [
      entry.file,
      readJson<Article>(`articles/${entry.id}.json`),
    ]),
  )
})

afterAll(() => rmSync(out, { recursive: true, force: true }))

function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(join(out, 'data', rel), 'utf8')) as T
}

const article = (file: string): Article => {
  const found = byFile.get(file)
  if (!found) throw new Error(`no article for ${file}`)
  return found
}

test('writes all 40 posts, each under its own id', () => {
  expect(readdirSync(CORPUS)).toHaveLength(40)
  expect(byFile.size).toBe(40)
  expect(new Set([...byFile.values()].map((a) => a.id)).size).toBe(40)
  expect(manifest.total).toBe(40)
  expect(readdirSync(join(out, 'data', 'articles'))).toHaveLength(40)
})

describe.each([
  // file, title, date, categories, source, has image
  [
    ' .md',
    '此版本已改为Nacos注册中心 + Sentinel熔断…',
    '2021-07-01T08:04:00Z',
    ['编程', '开源中国', '资讯'],
    '开源中国',
    false,
  ],
  [
    "'Do Not Split'_ A Hong Kong protest film _video_.md",
    "'Do Not Split': A Hong Kong protest film [video]",
    '2021-03-26T00:25:44Z',
    ['编程', 'Hacker News', '分类'],
    'Hacker News',
    false,
  ],
  [
    '"DogWalk"_另一个像Follina一样被微软忽视的MSDT漏洞获得非官方补丁.md',
    '"DogWalk"_另一个像Follina一样被微软忽视的MSDT漏洞获得非官方补丁',
    '2022-06-08T09:10:12Z',
    ['新媒体', 'cnBeta', '最新'],
    'cnBeta',
    true,
  ],
  [
    "+_&~_%！'^…….md",
    "+_&~_%！'^……",
    '2021-08-24T16:16:00Z',
    ['新媒体', 'ZAKER', 'channel'],
    'ZAKER',
    true,
  ],
  [
    '%secretclub%power：专家发现又一能禁用iPhone无线连接的SSID.md',
    '%secretclub%power：专家发现又一能禁用iPhone无线连接的SSID',
    '2021-07-05T01:50:43Z',
    ['新媒体', 'cnBeta', '最新'],
    'cnBeta',
    true,
  ],
  [
    '7-Zip 2200 已发布.md',
    '7-Zip 22.00 已发布',
    '2022-06-21T23:54:00Z',
    ['编程', '开源中国', '资讯'],
    '开源中国',
    false,
  ],
  [
    'vue项目打包本地后通过nginx解决跨域🎉.md',
    'vue项目打包本地后通过nginx解决跨域🎉',
    '2021-04-29T18:41:33Z',
    ['编程', '掘金', '分类'],
    '掘金',
    true,
  ],
  [
    '2009-2021年全球不同手机操作系统的市场份额.md',
    '2009-2021年全球不同手机操作系统的市场份额',
    '2021-04-25T08:06:43Z',
    ['新媒体', '199IT', '首页更新'],
    '199IT',
    false,
  ],
] as const)('%s', (file, title, date, path, source, hasImage) => {
  test('reads title, date (RFC 822 or zone-less as UTC), category path and source', () => {
    const a = article(file)
    expect(a.title).toBe(title)
    expect(a.date_published).toBe(date)
    expect(a._zixun.categories).toEqual([path])
    expect(a._zixun.source).toBe(source)
    expect(a.authors).toEqual([{ name: source }])
    expect(a.image !== undefined).toBe(hasImage)
  })
})

test('no summary or title carries markup, entities, CSS or a placeholder image', () => {
  for (const a of byFile.values()) {
    expect(a.title.trim()).not.toBe('')
    expect(a.summary).not.toMatch(
      /&#\d+;|&[a-z]+;|<\/?[a-z]+[ >]|markdown-body|\s{2}/,
    )
    expect(a.summary.length).toBeLessThanOrEqual(161)
    expect(a.image ?? '').not.toContain('picsum.photos')
    expect(a.external_url).toBeUndefined()
  }
})

test('16 posts with body images get a real thumbnail; ZAKER’s proxy is unwrapped', () => {
  const withImage = [...byFile.values()].filter((a) => a.image)
  expect(withImage).toHaveLength(16)
  const zaker = article("+_&~_%！'^…….md")
  expect(zaker.image).toBe(
    'http://zkres1.myzaker.com/202108/6125177a8e9f09544a3d79e4_1024.jpg',
  )
  expect(zaker._zixun.image_size).toEqual({ width: 1080, height: 1596 })
})

test('the pseudo-tag <DistroName> in IT之家 text survives as text', () => {
  const a = article(
    '微软 Win11_Win10 一个命令安装 Windows Linux 子系统（WSL）.md',
  )
  // Escaped, so the sanitiser cannot drop it as an unknown element.
  expect(a.content_html).toMatch(/wsl --install -d &lt;DistroName(>|&gt;)<\/p>/)
  expect(a.content_html).not.toContain('<DistroName>')
  expect(a.summary).not.toContain('distroname')
})

test('the 掘金 post’s <style> block stays out of the summary and the body', () => {
  const a = article('vue项目打包本地后通过nginx解决跨域🎉.md')
  expect(a.summary.startsWith('前言☀️ 有时候我们打包好vue项目')).toBe(true)
  // Dropped at ingest: it would only raise a CSP report in the reader.
  expect(a.content_html).not.toMatch(/<style|style=/i)
  expect(a.content_html).toContain('复制代码')
})

test('the category tree counts every node with its descendants', () => {
  const counts = Object.fromEntries(
    manifest.categories.map((n) => [n.name, n.count]),
  )
  expect(counts).toEqual({ 新媒体: 22, 编程: 15, 游戏: 2, 金融: 1 })
  const hn = manifest.categories
    .find((n) => n.name === '编程')!
    .children.find((n) => n.name === 'Hacker News')!
  expect(hn.path).toEqual(['编程', 'Hacker News'])
  expect(hn.count).toBe(8)
  expect(hn.children[0].count).toBe(8)
})

test('lists are newest first and the manifest is dated by the newest article', () => {
  const page1 = readJson<{ items: Article[]; next_url?: string }>(
    `${manifest.all.base}1.json`,
  )
  expect(page1.items).toHaveLength(24)
  expect(page1.next_url).toBe('2.json')
  const dates = page1.items.map((i) => i.date_published)
  expect([...dates].sort().reverse()).toEqual(dates)
  expect(manifest.generated).toBe(dates[0])
  expect(page1.items[0]).not.toHaveProperty('content_html')
})
