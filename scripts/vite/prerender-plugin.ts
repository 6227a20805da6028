import { statSync } from 'node:fs'
import path from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { loadPrerenderer } from '../prerender/load-prerenderer.ts'
import { parseListLimit } from '../prerender/list-pages.ts'
import { parsePrerenderLimit, prerenderSite } from '../prerender/prerender.ts'
import { previewPageFor } from './preview-pages.ts'

export type PrerenderPluginOptions = {
  /** Absolute site URL for canonical links; default `ZIXUN_SITE_URL`. */
  siteUrl?: string
  /** Newest articles to prerender; default `ZIXUN_PRERENDER_LIMIT`. */
  limit?: number
  /** Categories whose first screen to prerender; default `ZIXUN_PRERENDER_LISTS`. */
  listLimit?: number
}

/**
 * After the build has been written (and `zixun-data-dir` has copied the
 * data in), builds the app's server entry (`loadPrerenderer`) and writes
 * the data-free shell (`shell.html`), the first screen of `/` and of the
 * largest categories, `a/<id>/index.html` per article, the feeds, the
 * sitemap and robots.txt into the output folder, from `dist/data`.
 * A build without data gets only the shell (also as `index.html`) and a
 * warning. `vite preview` answers like nginx (`previewPageFor`).
 */
export function prerenderPlugin(
  options: PrerenderPluginOptions = {},
): Plugin[] {
  let config: ResolvedConfig
  const build: Plugin = {
    name: 'zixun-prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const distDir = path.resolve(config.root, config.build.outDir)
        const result = await prerenderSite({
          distDir,
          createPrerenderer: await loadPrerenderer(config.root),
          siteUrl: options.siteUrl ?? process.env.ZIXUN_SITE_URL,
          limit:
            options.limit ??
            parsePrerenderLimit(process.env.ZIXUN_PRERENDER_LIMIT),
          listLimit:
            options.listLimit ??
            parseListLimit(process.env.ZIXUN_PRERENDER_LISTS),
        })
        if (!result) {
          config.logger.warn('zixun-prerender: no data/manifest.json, skipped')
          return
        }
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`
        config.logger.info(
          `zixun-prerender: ${result.lists} list pages (${kb(result.listBytes)}), ${result.prerendered}/${result.articles} article pages (${kb(result.pageBytes)}) + ${result.files.join(', ')} for ${result.site.url} in ${result.ms.toFixed(0)} ms`,
        )
      },
    },
  }
  const preview: Plugin = {
    name: 'zixun-prerender-preview',
    apply: (_config, env) => env.isPreview === true,
    configurePreviewServer(server) {
      const outDir = path.resolve(
        server.config.root,
        server.config.build.outDir,
      )
      // sirv serves `<dir>/index.html` only for `<dir>/`, and its SPA
      // fallback would be `index.html`, the prerendered home page.
      server.middlewares.use((req, _res, next) => {
        const page = previewPageFor(
          req.url ?? '/',
          req.headers.accept,
          (file) =>
            statSync(path.join(outDir, file), {
              throwIfNoEntry: false,
            })?.isFile() ?? false,
        )
        if (page) req.url = page
        next()
      })
    },
  }
  return [build, preview]
}
