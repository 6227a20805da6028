import path from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { precompressDir } from '../hosting/precompress.ts'

/**
 * Last step of the build: `.br` and `.gz` beside the text files a first
 * visit loads (`scripts/hosting/precompress.ts`), after the prerenderer
 * has written its pages. Must come after `zixun-prerender` in the plugin
 * list (both run at the end of `closeBundle`, in that order).
 */
export function precompressPlugin(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'zixun-precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const started = performance.now()
        const dist = path.resolve(config.root, config.build.outDir)
        const result = await precompressDir(dist)
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`
        config.logger.info(
          `zixun-precompress: ${result.files} files, ${kb(result.bytes)} → br ${kb(result.brotliBytes)}, gz ${kb(result.gzipBytes)} in ${(performance.now() - started).toFixed(0)} ms`,
        )
      },
    },
  }
}
