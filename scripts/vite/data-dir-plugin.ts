import { cp, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { dataPaths } from '../../src/lib/article-schema.ts'

/**
 * Files of an ingest's output that are for the person who ran it, not for
 * readers: the report names every input by its path on that machine.
 */
export const UNPUBLISHED_DATA_FILES: readonly string[] = [dataPaths.report]

/**
 * Ships the data as `/data/`: with `ZIXUN_DATA_DIR` set, that folder
 * instead of `public/data` (so tests can build against their own corpus
 * without touching the reader's data). Either way the build leaves out
 * `UNPUBLISHED_DATA_FILES`; they stay next to the data.
 */
export function dataDirPlugin(dataDir = process.env.ZIXUN_DATA_DIR): Plugin {
  let config: ResolvedConfig
  const target = () => path.resolve(config.root, config.build.outDir, 'data')
  return {
    name: 'zixun-data-dir',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    async writeBundle() {
      if (!dataDir) return
      const source = path.resolve(dataDir)
      const unpublished = new Set(
        UNPUBLISHED_DATA_FILES.map((name) => path.join(source, name)),
      )
      await rm(target(), { recursive: true, force: true })
      await cp(source, target(), {
        recursive: true,
        filter: (file) => !unpublished.has(file),
      })
    },
    // After Vite has copied `public/` (and so `public/data`) as well.
    async closeBundle() {
      await Promise.all(
        UNPUBLISHED_DATA_FILES.map((name) =>
          rm(path.join(target(), name), { force: true }),
        ),
      )
    },
  }
}
