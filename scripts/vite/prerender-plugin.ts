import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { loadPrerenderer } from '../prerender/load-prerenderer.ts'
import { parsePrerenderLimit, prerenderSite } from '../prerender/prerender.ts'

export type PrerenderPluginOptions = {
  /** Absolute site URL for canonical links; default `ZIXUN_SITE_URL`. */
  siteUrl?: string
  /** Newest articles to prerender; default `ZIXUN_PRERENDER_LIMIT`. */
  limit?: number
}

/**
 * After the build has been written (and `zixun-data-dir` has copied the
 * data in), builds the app's server entry (`loadPrerenderer`) and writes
 * `a/<id>/index.html` per article, the feeds, the sitemap and robots.txt
 * into the output folder, from `dist/data`.
 * A build without data gets none of them and a warning. In `vite
 * preview`, `/a/<id>` serves the prerendered page as static hosts do.
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
        })
        if (!result) {
          config.logger.warn('zixun-prerender: no data/manifest.json, skipped')
          return
        }
        const kb = (result.pageBytes / 1024).toFixed(0)
        config.logger.info(
          `zixun-prerender: ${result.prerendered}/${result.articles} article pages (${kb} kB) + ${result.files.join(', ')} for ${result.site.url} in ${result.ms.toFixed(0)} ms`,
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
      // sirv serves `a/<id>/index.html` only for `/a/<id>/`.
      server.middlewares.use((req, _res, next) => {
        const match = /^\/a\/([A-Za-z0-9_-]{1,96})(\?.*)?$/.exec(req.url ?? '')
        if (
          match &&
          existsSync(path.join(outDir, 'a', match[1], 'index.html'))
        ) {
          req.url = `/a/${match[1]}/index.html${match[2] ?? ''}`
        }
        next()
      })
    },
  }
  return [build, preview]
}
