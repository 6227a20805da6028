import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'

// Two builds of the same code on different data (an article added), as a
// site that re-ingests on a schedule makes them: readers must not be asked
// to reload for new articles, so the service worker may not change.
const root = path.resolve(import.meta.dirname, '../..')
let work: string

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`)
  }
}

function post(dir: string, name: string, title: string, date: string) {
  writeFileSync(
    path.join(dir, name),
    `---\ntitle: '${title}'\ncategories: [编程]\ndate: ${date}\n---\n\n<p>${title}</p>\n`,
  )
}

function build(name: string, posts: Array<[string, string]>): string {
  const input = path.join(work, name, 'posts')
  const data = path.join(work, name, 'data')
  const dist = path.join(work, name, 'dist')
  mkdirSync(input, { recursive: true })
  posts.forEach(([title, date], i) => post(input, `${i}.md`, title, date))
  run(process.execPath, [
    'scripts/ingest/bin.mjs',
    '--input',
    input,
    '--out',
    data,
  ])
  run(
    path.join(root, 'node_modules/.bin/vite'),
    ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'],
    { ZIXUN_DATA_DIR: data, ZIXUN_APP_VERSION: 'test' },
  )
  return dist
}

const read = (dist: string, file: string) =>
  readFileSync(path.join(dist, file), 'utf8')

/** The precache list Workbox injected into sw.js. */
function precached(dist: string): string[] {
  const list = /\[\{[^\]]*"revision"[^\]]*\]/.exec(read(dist, 'sw.js'))
  if (!list) throw new Error('sw.js has no precache list')
  return (JSON.parse(list[0]) as Array<{ url: string }>).map((e) => e.url)
}

let first: string
let second: string

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'zixun-sw-'))
  const older: Array<[string, string]> = [
    ['First', '2026-11-20 08:00:00'],
    ['Second', '2026-11-19 08:00:00'],
  ]
  first = build('first', older)
  second = build('second', [['Third', '2026-11-21 08:00:00'], ...older])
}, 180_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

test('a rebuild that changes only data leaves sw.js and the shell as they were', () => {
  expect(read(first, 'data/manifest.json')).not.toBe(
    read(second, 'data/manifest.json'),
  )
  expect(read(second, 'sw.js')).toBe(read(first, 'sw.js'))
  expect(read(second, 'shell.html')).toBe(read(first, 'shell.html'))
  // The home page is prerendered: it changes with the data.
  expect(read(second, 'index.html')).not.toBe(read(first, 'index.html'))
})

test('the precache holds the shell, scripts, styles and icons, never data or pages', () => {
  const urls = precached(first)
  // The data-free shell; index.html is the prerendered home page.
  expect(urls).toContain('shell.html')
  expect(urls).not.toContain('index.html')
  expect(urls).toContain('manifest.webmanifest')
  expect(urls.some((url) => /^assets\/.+\.js$/.test(url))).toBe(true)
  expect(urls.some((url) => /^assets\/.+\.css$/.test(url))).toBe(true)
  expect(urls).toEqual(
    expect.arrayContaining(['pwa-192x192.png', 'pwa-512x512.png']),
  )
  expect(
    urls.filter((url) => /^(data|a)\/|\.(json|xml|txt)$/.test(url)),
  ).toEqual([])
})

test('the manifest names the app in both languages and its icons exist', () => {
  const manifest = JSON.parse(read(first, 'manifest.webmanifest')) as {
    name: string
    short_name: string
    start_url: string
    display: string
    icons: Array<{ src: string; sizes: string; purpose?: string }>
  }
  expect(manifest).toMatchObject({
    name: 'Zixun 资讯',
    short_name: '资讯',
    start_url: '/',
    display: 'standalone',
  })
  const sizes = manifest.icons.map((icon) => icon.sizes)
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']))
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true)
  for (const icon of manifest.icons) {
    expect(existsSync(path.join(first, icon.src))).toBe(true)
  }
  const html = read(first, 'index.html')
  expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">')
  expect(html).toMatch(
    /name="theme-color" media="\(prefers-color-scheme: dark\)"/,
  )
})
