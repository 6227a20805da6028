import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ResolvedConfig } from 'vite'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { dataDirPlugin } from './data-dir-plugin.ts'

// A build of a small ingest whose folders have names no published file
// could contain by chance: the person's home, user name and a random part.
const root = path.resolve(import.meta.dirname, '../..')
let work: string
let inputDir: string
let dataDir: string
let distDir: string

function post(name: string, front: string, body: string) {
  writeFileSync(path.join(inputDir, name), `---\n${front}\n---\n\n${body}\n`)
}

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

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** Every way a folder's path could be written into a file. */
function spellings(folder: string): string[] {
  return [folder, JSON.stringify(folder).slice(1, -1), encodeURI(folder)]
}

/** The published files under `dir` that name one of `folders`. */
function leaks(dir: string, folders: string[]): string[] {
  const needles = folders.flatMap(spellings)
  return filesUnder(dir).filter((file) => {
    const text = readFileSync(file, 'utf8')
    return needles.some((needle) => text.includes(needle))
  })
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'zixun-leak-'))
  inputDir = path.join(work, 'home', 'secret-user', '我的 posts')
  dataDir = path.join(work, 'home', 'secret-user', 'site data')
  distDir = path.join(work, 'dist')
  mkdirSync(inputDir, { recursive: true })
  post(
    'first.md',
    "title: 'First'\ncategories:\n  - 编程\n  - 开源中国\ndate: 2026-11-20 08:00:00\nlink: https://example.com/first",
    '<p>Hello <img src="pic.png"></p>',
  )
  post(
    'second.md',
    "title: 'Second'\ncategories: [新媒体]\ndate: 2026-11-19T08:00:00Z",
    'Plain text.',
  )
  post('broken.md', 'title: [unclosed', 'rejected, with its path in the report')
  run('npm', [
    'run',
    '--silent',
    'ingest',
    '--',
    '--input',
    inputDir,
    '--out',
    dataDir,
    '--cache',
    path.join(work, 'cache'),
  ])
  run(
    path.join(root, 'node_modules/.bin/vite'),
    ['build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'error'],
    { ZIXUN_DATA_DIR: dataDir },
  )
}, 120_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

test('the ingest report stays next to the data and out of the build', () => {
  expect(existsSync(path.join(dataDir, 'ingest-report.json'))).toBe(true)
  expect(existsSync(path.join(distDir, 'data', 'ingest-report.json'))).toBe(
    false,
  )
})

test('a report that came in with public/data is taken out too', async () => {
  // Without ZIXUN_DATA_DIR, Vite copies public/ (and public/data) itself.
  const site = path.join(work, 'public-build')
  mkdirSync(path.join(site, 'dist', 'data'), { recursive: true })
  writeFileSync(path.join(site, 'dist', 'data', 'ingest-report.json'), '{}')
  writeFileSync(path.join(site, 'dist', 'data', 'manifest.json'), '{}')
  const plugin = dataDirPlugin(undefined)
  const hook = <T>(value: T) =>
    (typeof value === 'function'
      ? value
      : (value as { handler: T }).handler) as (...args: unknown[]) => unknown
  hook(plugin.configResolved)({
    root: site,
    build: { outDir: 'dist' },
  } as ResolvedConfig)
  await hook(plugin.closeBundle)()
  expect(readdirSync(path.join(site, 'dist', 'data'))).toEqual([
    'manifest.json',
  ])
})

test('no published file names the input, data or build folder', () => {
  const published = filesUnder(distDir).map((file) =>
    path.relative(distDir, file),
  )
  // Every kind of published file is there to be read.
  for (const kind of [
    /^index\.html$/,
    /^a\/[^/]+\/index\.html$/,
    /^feed\.json$/,
    /^rss\.xml$/,
    /^sitemap\.xml$/,
    /^data\/manifest\.json$/,
    /^data\/pages\/.+\.json$/,
    /^data\/articles\/.+\.json$/,
    /^assets\/.+\.js$/,
  ]) {
    expect(
      published.some((file) => kind.test(file)),
      String(kind),
    ).toBe(true)
  }
  expect(leaks(distDir, [work, inputDir, dataDir, distDir])).toEqual([])
})

test('the check finds a folder path written in any of its spellings', () => {
  const probe = path.join(work, 'probe')
  mkdirSync(probe)
  writeFileSync(
    path.join(probe, 'a.json'),
    JSON.stringify({ file: path.join(inputDir, 'x.md') }),
  )
  writeFileSync(
    path.join(probe, 'b.html'),
    `<a href="file://${encodeURI(dataDir)}">`,
  )
  writeFileSync(path.join(probe, 'c.txt'), 'nothing here')
  expect(
    leaks(probe, [inputDir, dataDir])
      .map((f) => path.basename(f))
      .sort(),
  ).toEqual(['a.json', 'b.html'])
})
