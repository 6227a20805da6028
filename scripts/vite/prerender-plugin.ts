import path from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { parsePrerenderLimit, prerenderSite } from '../prerender/prerender.ts'

export type PrerenderPluginOptions = {
  /** Absolute site URL for canonical links; default `ZIXUN_SITE_URL`. */
  siteUrl?: string
  /** Newest articles to prerender; default `ZIXUN_PRERENDER_LIMIT`. */
  limit?: number
}

/**
 * After the build has been written (and `zixun-data-dir` has copied the
 * data in), writes `a/<id>/index.html` per article, the feeds, the
 * sitemap and robots.txt into the output folder, from `dist/data`.
 * A build without data gets none of them and a warning.
 */
export function prerenderPlugin(options: PrerenderPluginOptions = {}): Plugin {
  let config: ResolvedConfig
  return {
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
}
