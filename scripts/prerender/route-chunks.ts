import { readFile } from 'node:fs/promises'
import path from 'node:path'

/** One entry of Vite's build manifest (`build.manifest`). */
type ManifestChunk = {
  file: string
  isEntry?: boolean
  imports?: string[]
  css?: string[]
}

export type BuildManifest = Record<string, ManifestChunk>

/** Where Vite writes the build manifest, under the output folder. */
export const BUILD_MANIFEST = '.vite/manifest.json'

/**
 * The modules whose code a prerendered page preloads: the app's start
 * (which the entry imports after the first paint, `src/main.tsx`) and
 * the route modules.
 */
export const ROUTE_MODULES = {
  start: 'src/app/start.tsx',
  root: 'src/app/routes/root.tsx',
  list: 'src/app/routes/article-list.tsx',
  article: 'src/app/routes/article-detail.tsx',
} as const

export async function readBuildManifest(
  distDir: string,
): Promise<BuildManifest> {
  return JSON.parse(
    await readFile(path.join(distDir, BUILD_MANIFEST), 'utf8'),
  ) as BuildManifest
}

/** `key`'s chunk and every chunk it imports statically, as manifest keys. */
export function staticGraph(
  manifest: BuildManifest,
  key: string,
  seen = new Set<string>(),
) {
  if (seen.has(key)) return seen
  const chunk = manifest[key]
  if (!chunk) throw new Error(`build manifest: no chunk for ${key}`)
  seen.add(key)
  for (const imported of chunk.imports ?? [])
    staticGraph(manifest, imported, seen)
  return seen
}

/**
 * The files (root-relative URLs) of `modules` and their static imports
 * that the entry does not already load: what a page that will run those
 * route modules can `modulepreload`, so they download beside the entry
 * instead of after it has run.
 */
export function routeChunkUrls(
  manifest: BuildManifest,
  modules: readonly string[],
): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry)
  const loaded = new Set<string>()
  for (const entry of entries) staticGraph(manifest, entry, loaded)
  const wanted = new Set<string>()
  for (const module of modules) staticGraph(manifest, module, wanted)
  return [...wanted]
    .filter((key) => !loaded.has(key))
    .map((key) => `/${manifest[key].file}`)
}
