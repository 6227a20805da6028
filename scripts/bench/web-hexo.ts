/**
 * The static blog bench:web compares against: the same posts built by
 * Hexo 8.1.2 with hexo-theme-next 8.29.0 (the starter's renderers and
 * generators, NexT's defaults, the site's language), served by nginx with
 * gzip. NexT loads Font Awesome and animate.css from cdnjs by default;
 * there is no outside network here, so the site serves the same files
 * (same versions, same integrity hashes, from npm) itself, as
 * `vendors.plugins: custom` allows: a reader of a NexT blog downloads them.
 */
import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import Hexo from 'hexo'
import hexoPackage from 'hexo/package.json' with { type: 'json' }

const HEXO_VERSION = hexoPackage.version

/** What the bench needs from a Hexo build. */
export type HexoSite = {
  /** The generated site (`public/`). */
  dist: string
  /** Root-relative URL of each post, by its title. */
  postUrls: Map<string, string>
  /** Root-relative URL of each top-level category, by its name. */
  categoryUrls: Map<string, string>
}

/** The plugins a new Hexo site installs, and the theme. */
const PLUGINS = [
  'hexo-generator-archive',
  'hexo-generator-category',
  'hexo-generator-index',
  'hexo-generator-tag',
  'hexo-renderer-marked',
  'hexo-renderer-stylus',
  'hexo-theme-next',
]

const CONFIG = `title: 资讯
language: zh-CN
url: http://127.0.0.1
theme: next
theme_config:
  vendors:
    plugins: custom
    custom_cdn_url: /lib/\${npm_name}/\${npm_file}
`

/** The CDN files NexT's pages load, as folders of their npm packages. */
const VENDOR_FILES = [
  '@fortawesome/fontawesome-free/css',
  '@fortawesome/fontawesome-free/webfonts',
  'animate.css/animate.min.css',
]

type HexoDocument = {
  title: string
  path: string
  name: string
  parent?: string
}

/**
 * Copies `postsDir` into a new Hexo site under `siteDir` (its
 * `source/_posts`), generates it and returns where things are. The site
 * finds Hexo, the plugins and NexT through a link to our node_modules.
 * Hexo skips every file whose path has a folder starting with a dot, so
 * `siteDir` must not be under one (not `.cache/`).
 */
export async function buildHexoSite(
  postsDir: string,
  siteDir: string,
): Promise<HexoSite> {
  const repo = path.resolve(import.meta.dirname, '../..')
  await rm(siteDir, { recursive: true, force: true })
  await mkdir(path.join(siteDir, 'source'), { recursive: true })
  await cp(postsDir, path.join(siteDir, 'source/_posts'), { recursive: true })
  await symlink(
    path.join(repo, 'node_modules'),
    path.join(siteDir, 'node_modules'),
    'dir',
  )
  const dependencies = Object.fromEntries(
    ['hexo', ...PLUGINS].map((name) => [name, '*']),
  )
  await writeFile(
    path.join(siteDir, 'package.json'),
    // Hexo loads nothing in a folder whose package.json lacks `hexo`.
    JSON.stringify({
      name: 'bench-hexo',
      private: true,
      hexo: { version: HEXO_VERSION },
      dependencies,
    }),
  )
  await writeFile(path.join(siteDir, '_config.yml'), CONFIG)
  const hexo = new Hexo(siteDir, { silent: true })
  await hexo.init()
  await hexo.call('generate', {})
  const posts = hexo.locals.get('posts').toArray() as HexoDocument[]
  const categories = hexo.locals.get('categories').toArray() as HexoDocument[]
  await hexo.exit()
  for (const file of VENDOR_FILES) {
    await cp(
      path.join(repo, 'node_modules', file),
      path.join(siteDir, 'public/lib', file),
      {
        recursive: true,
      },
    )
  }
  const url = (doc: HexoDocument) => `/${encodeURI(doc.path)}`
  return {
    dist: path.join(siteDir, 'public'),
    postUrls: new Map(posts.map((post) => [post.title, url(post)])),
    categoryUrls: new Map(
      categories.filter((c) => !c.parent).map((c) => [c.name, url(c)]),
    ),
  }
}

/**
 * A server-level nginx snippet for a plain static site with gzip, as a
 * blog is served. Where serve:nginx loads ngx_brotli (`brotliLoaded`), its
 * `brotli_static on` must be turned off here: for a file with no `.br`
 * beside it, a request that accepts br then got no gzip either (measured
 * 2026-12-02: NexT's CSS 52,482 B uncompressed), so every earlier
 * bench:web run on a host with the module served NexT uncompressed.
 */
export function staticSiteNginx(brotliLoaded: boolean): string {
  return `charset utf-8;
${brotliLoaded ? 'brotli_static off;\n' : ''}gzip on;
gzip_vary on;
gzip_comp_level 5;
gzip_min_length 512;
gzip_types text/css text/plain text/xml application/javascript application/json application/xml image/svg+xml;
location / {
    try_files $uri $uri/ =404;
}
`
}
