import { createHash } from 'node:crypto'
import path from 'node:path'
import { build } from 'esbuild'
import type { Plugin } from 'vite'

/** The render-blocking script's source, and its size limit (issue 12; 1,223 bytes once it set the reader's language, decision 029). */
export const BOOT_ENTRY = 'src/boot.ts'
export const BOOT_MAX_BYTES = 1280

export type BootScript = {
  /** Where the page loads it from: `assets/boot-<hash>.js`. */
  fileName: string
  code: string
}

/**
 * Bundles and minifies the boot script (`src/boot.ts`) into a classic
 * script with a content-hashed name, so hosts cache it for a year like
 * every other asset. Throws when it grows past `BOOT_MAX_BYTES`: it blocks
 * the first paint and is counted in the JS budget.
 */
export async function buildBootScript(root: string): Promise<BootScript> {
  const result = await build({
    entryPoints: [path.join(root, BOOT_ENTRY)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
  })
  const code = result.outputFiles[0].text
  const bytes = Buffer.byteLength(code)
  if (bytes > BOOT_MAX_BYTES) {
    throw new Error(
      `${BOOT_ENTRY} is ${bytes} bytes minified; the limit is ${BOOT_MAX_BYTES}`,
    )
  }
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 10)
  return { fileName: `assets/boot-${hash}.js`, code }
}

/**
 * Puts the boot script into every page: a `<script src>` (never inline:
 * the CSP allows our origin's files only) at the top of the head, before
 * the style sheet, so it runs before the first paint. The build writes it
 * as an asset; the dev server serves it from memory. Prerendered pages are
 * made from the built `index.html` and carry it too.
 */
export function bootScriptPlugin(): Plugin {
  let root = process.cwd()
  let boot: BootScript | undefined
  return {
    name: 'zixun-boot-script',
    configResolved(config) {
      root = config.root
    },
    async buildStart() {
      boot = await buildBootScript(root)
      this.addWatchFile(path.join(root, BOOT_ENTRY))
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!boot || req.url !== `/${boot.fileName}`) return next()
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8')
        res.end(boot.code)
      })
    },
    generateBundle() {
      if (!boot) throw new Error('zixun-boot-script: not built')
      this.emitFile({
        type: 'asset',
        fileName: boot.fileName,
        source: boot.code,
      })
    },
    // After Vite's own HTML pass (which bundles module scripts only).
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (!boot) throw new Error('zixun-boot-script: not built')
        return [
          {
            tag: 'script',
            attrs: { src: `/${boot.fileName}` },
            injectTo: 'head-prepend',
          },
        ]
      },
    },
  }
}
