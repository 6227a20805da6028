import {
  mkdtemp,
  mkdir,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { generateDemoCorpus } from './generate.ts'
import { ANCHOR_DATE, SPREAD_DAYS } from './post-file.ts'
import { IMAGE_POOL_SIZE } from './svg-image.ts'

let root: string
const read = async (dir: string) => {
  const files = (await readdir(dir, { recursive: true }))
    .filter((file) => file.endsWith('.md'))
    .sort()
  return Promise.all(
    files.map(async (file) => ({
      file,
      text: await readFile(path.join(dir, file), 'utf8'),
    })),
  )
}
const frontMatter = (text: string) => {
  const match = /^\n?---\n([\s\S]*?)\n---\n/.exec(text)
  if (!match) throw new Error(`no front matter in ${text.slice(0, 80)}`)
  return parse(match[1]) as Record<string, unknown>
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'zixun-demo-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('generateDemoCorpus', () => {
  let posts: { file: string; text: string }[]
  let withoutImage: number

  beforeAll(async () => {
    const result = await generateDemoCorpus({
      count: 360,
      outDir: path.join(root, 'posts'),
      imagesDir: path.join(root, 'images'),
    })
    withoutImage = result.withoutImage
    posts = await read(path.join(root, 'posts'))
  })

  test('writes exactly the number of posts asked for', () => {
    expect(posts).toHaveLength(360)
  })

  test('writes the same bytes for the same seed, other bytes for another', async () => {
    const again = path.join(root, 'again')
    await generateDemoCorpus({ count: 360, outDir: again })
    expect(await read(again)).toEqual(posts)
    const other = path.join(root, 'other')
    await generateDemoCorpus({ count: 360, outDir: other, seed: 'other' })
    expect(await read(other)).not.toEqual(posts)
  })

  test('front matter is YAML with a three-level category path', () => {
    for (const { file, text } of posts) {
      const data = frontMatter(text)
      expect(typeof data.title).toBe('string')
      expect(data.categories).toHaveLength(3)
      expect(file.split(path.sep).slice(0, 3)).toEqual(data.categories)
      expect(data.author).toBe((data.categories as string[])[1])
      expect(String(data.date)).toMatch(
        /^(\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)$/,
      )
      expect(data.thumbnail).toBe(data.headimg)
    }
  })

  test('covers a tree of 20 to 30 feeds, both date formats, links and both languages', () => {
    const all = posts.map(({ text }) => frontMatter(text))
    const leaves = new Set(all.map((data) => String(data.categories)))
    expect(leaves.size).toBeGreaterThanOrEqual(20)
    expect(leaves.size).toBeLessThanOrEqual(30)
    const dates = all.map((data) => String(data.date))
    expect(dates.some((date) => date.endsWith('GMT'))).toBe(true)
    expect(dates.some((date) => !date.endsWith('GMT'))).toBe(true)
    for (const date of dates) {
      const time = Date.parse(date.endsWith('GMT') ? date : `${date}Z`)
      expect(time).toBeLessThanOrEqual(ANCHOR_DATE)
      expect(time).toBeGreaterThanOrEqual(ANCHOR_DATE - SPREAD_DAYS * 864e5)
    }
    const links = all.map((data) => data.link).filter(Boolean) as string[]
    expect(links.length).toBeGreaterThan(100)
    expect(new Set(links).size).toBe(links.length)
    for (const link of links)
      expect(new URL(link).hostname).toMatch(/example\./)
    const titles = all.map((data) => String(data.title))
    expect(titles.some((title) => /\p{Script=Han}/u.test(title))).toBe(true)
    expect(titles.some((title) => /^[\x20-\x7e]+$/.test(title))).toBe(true)
  })

  test('bodies hold every kind of element the reader must render', () => {
    const html = posts.map(({ text }) => text).join('\n')
    for (const tag of [
      '<p>',
      '<h2>',
      '<h3>',
      '<ul>',
      '<ol>',
      '<blockquote>',
      '<pre><code',
      '<table>',
      '<img ',
      '<figure>',
    ]) {
      expect(html, tag).toContain(tag)
    }
  })

  test('about a quarter of the posts have no image at all', () => {
    const bare = posts.filter(({ text }) => !text.includes('<img '))
    expect(bare).toHaveLength(withoutImage)
    expect(withoutImage / posts.length).toBeGreaterThan(0.18)
    expect(withoutImage / posts.length).toBeLessThan(0.32)
    for (const { text } of bare) {
      const { headimg } = frontMatter(text)
      if (headimg) expect(headimg).toMatch(/^https:\/\/picsum\.photos\//)
    }
  })

  test('posts with images use the local pool, first image as thumbnail', async () => {
    const images = new Set(await readdir(path.join(root, 'images')))
    expect(images.size).toBe(IMAGE_POOL_SIZE)
    for (const { text } of posts.filter(({ text }) => text.includes('<img '))) {
      const first = /<img src="([^"]+)"/.exec(text)?.[1]
      expect(frontMatter(text).headimg).toBe(first)
      for (const [, src] of text.matchAll(
        /<img src="\/demo\/images\/([^"]+)"/g,
      )) {
        expect(images.has(src)).toBe(true)
      }
    }
  })
})

test('images are small SVGs with their size', async () => {
  const dir = path.join(root, 'images-only')
  await generateDemoCorpus({
    count: 0,
    outDir: path.join(root, 'x'),
    imagesDir: dir,
  })
  for (const file of await readdir(dir)) {
    const svg = await readFile(path.join(dir, file), 'utf8')
    expect(svg).toMatch(/^<svg [^>]*width="(400|640)" height="(300|360)"/)
    expect(svg.length).toBeLessThan(1500)
  }
})

test('refuses to empty a directory it did not make', async () => {
  const dir = path.join(root, 'foreign')
  await mkdir(dir)
  await writeFile(path.join(dir, 'keep.md'), 'mine')
  await expect(generateDemoCorpus({ count: 1, outDir: dir })).rejects.toThrow(
    /not made by the demo generator/,
  )
  expect(await readFile(path.join(dir, 'keep.md'), 'utf8')).toBe('mine')
})

test('a re-run replaces its own earlier output', async () => {
  const dir = path.join(root, 'rerun')
  await generateDemoCorpus({ count: 50, outDir: dir })
  await generateDemoCorpus({ count: 10, outDir: dir })
  expect(await read(dir)).toHaveLength(10)
})
