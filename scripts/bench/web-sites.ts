/**
 * The sites bench:web loads: Zixun built from a folder of posts (ingest,
 * `vite build`, the demo's images when it has them), and the pages it
 * measures on each.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { generateDemoCorpus, generateDemoImages } from '../demo/generate.ts'
import { paths } from '../../src/config/paths.ts'
import type { ArticleSummary, Manifest } from '../../src/lib/article-schema.ts'
import { dataPaths, parseListPage } from '../../src/lib/article-schema.ts'

export const benchRoot = path.resolve(
  import.meta.dirname,
  '../../.cache/bench-web',
)

/** The three cold pages of a site, and what the flow clicks through. */
export type SitePages = {
  home: string
  category: { name: string; href: string }
  article: { id: string; title: string; href: string }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) {
    throw new Error(
      `bench:web: ${command} ${args.join(' ')} exited ${result.status}`,
    )
  }
}

/** `count` demo posts under `.cache/bench-web/demo-<count>/posts`, generated once. */
export async function demoPosts(count: number): Promise<string> {
  const posts = path.join(benchRoot, `demo-${count}`, 'posts')
  const marker = path.join(path.dirname(posts), 'generated')
  if (!existsSync(marker)) {
    await rm(posts, { recursive: true, force: true })
    await generateDemoCorpus({ count, outDir: posts })
    await writeFile(marker, '')
  }
  return posts
}

/**
 * Ingests `posts` and builds the reader on them into
 * `.cache/bench-web/<name>/dist`, with the demo images when `demoImages`
 * (`reuse`: keep a build an earlier run left there).
 */
export async function buildZixunSite(
  name: string,
  posts: string,
  options: { demoImages: boolean; reuse: boolean },
): Promise<string> {
  const dir = path.join(benchRoot, name)
  const data = path.join(dir, 'data')
  const dist = path.join(dir, 'dist')
  if (options.reuse && existsSync(path.join(dist, 'index.html'))) return dist
  await mkdir(dir, { recursive: true })
  run(process.execPath, [
    'scripts/ingest/bin.mjs',
    '--input',
    posts,
    '--out',
    data,
  ])
  run(
    path.resolve('node_modules/.bin/vite'),
    ['build', '--outDir', dist, '--emptyOutDir'],
    {
      ZIXUN_DATA_DIR: data,
    },
  )
  if (options.demoImages)
    await generateDemoImages(path.join(dist, 'demo/images'))
  return dist
}

/**
 * The pages measured on a Zixun build: home, the top-level category
 * `preferred` (else the largest), and the newest article.
 */
export async function pickZixunPages(
  dist: string,
  preferred?: string,
): Promise<SitePages> {
  const data = path.join(dist, 'data')
  const manifest = JSON.parse(
    await readFile(path.join(data, dataPaths.manifest), 'utf8'),
  ) as Manifest
  const top = [...manifest.categories].sort((a, b) => b.count - a.count)
  const category = top.find((node) => node.name === preferred) ?? top[0]
  const first = parseListPage(
    JSON.parse(
      await readFile(path.join(data, dataPaths.page(manifest.all, 1)), 'utf8'),
    ),
  )
  const newest: ArticleSummary = first.items[0]
  return {
    home: paths.home.getHref(),
    category: {
      name: category.name,
      href: paths.category.getHref(category.path),
    },
    article: {
      id: newest.id,
      title: newest.title,
      href: paths.article.getHref(newest.id),
    },
  }
}
