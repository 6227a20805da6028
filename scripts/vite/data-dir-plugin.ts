import { cp, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'

/**
 * With `ZIXUN_DATA_DIR` set, the build ships that folder as `/data/`
 * instead of `public/data`, so tests can build against their own corpus
 * without touching the reader's data.
 */
export function dataDirPlugin(dataDir = process.env.ZIXUN_DATA_DIR): Plugin {
  let config: ResolvedConfig
  return {
    name: 'zixun-data-dir',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    async writeBundle() {
      if (!dataDir) return
      const target = path.resolve(config.root, config.build.outDir, 'data')
      await rm(target, { recursive: true, force: true })
      await cp(path.resolve(dataDir), target, { recursive: true })
    },
  }
}
