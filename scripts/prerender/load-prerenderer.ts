import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import type {
  ArticleSummary,
  ListPage,
  Manifest,
} from '../../src/lib/article-schema.ts'

/** The app's server entry, relative to the project root. */
export const PRERENDER_ENTRY = 'src/app/entry-prerender.tsx'

/** What `src/app/entry-prerender.tsx` renders for one site (see there). */
export type Prerenderer = {
  renderArticle(article: ArticleSummary): Promise<string>
  renderList(pathname: string, firstPage: ListPage): Promise<string>
}

/** `createPrerenderer` of `src/app/entry-prerender.tsx`. */
export type CreatePrerenderer = (manifest: Manifest) => Prerenderer

/**
 * Builds the app's server entry for Node (a Vite SSR build: our modules
 * bundled into one file, the dependencies imported from `node_modules`
 * as the app imports them) and loads it. The file goes to a fresh folder
 * under `node_modules/.cache` (so Node finds the dependencies from there,
 * and parallel builds do not share it), deleted once loaded.
 */
export async function loadPrerenderer(
  root: string,
): Promise<CreatePrerenderer> {
  const cache = path.join(root, 'node_modules', '.cache')
  await mkdir(cache, { recursive: true })
  const outDir = await mkdtemp(path.join(cache, 'zixun-prerender-'))
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      publicDir: false,
      resolve: { alias: { '@': path.join(root, 'src') } },
      // workbox-window (the offline feature's lazy chunk) is ESM only by its
      // `module` field; Node would load its UMD `main`. Bundled, never run.
      ssr: { noExternal: ['workbox-window'] },
      build: {
        ssr: PRERENDER_ENTRY,
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'node20',
        // One file: loaded once, and the folder can go at once.
        rolldownOptions: { output: { codeSplitting: false } },
      },
    })
    const entry = path.join(outDir, 'entry-prerender.js')
    const module = (await import(pathToFileURL(entry).href)) as {
      createPrerenderer: CreatePrerenderer
    }
    return module.createPrerenderer
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}
