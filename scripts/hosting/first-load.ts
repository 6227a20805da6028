import { readFile } from 'node:fs/promises'
import path from 'node:path'
import zlib from 'node:zlib'
import {
  readBuildManifest,
  ROUTE_MODULES,
  staticGraph,
  type BuildManifest,
} from '../prerender/route-chunks.ts'

/**
 * What the first load of `/` may cost, gzip bytes (level 9, as the build's
 * `.gz` files): checked in `npm run test:all` (tests/e2e/size-budget.spec.ts).
 * Issue 14 aims at 100 kB of JS; React DOM, React Router and TanStack Query
 * alone are ~105 kB gzip (decision 027), so the budget is what the app
 * costs now with little room: 141.8 kB, of which ~1.5 kB is the price of
 * evaluating it in three tasks instead of one (`src/main.tsx`: the longest
 * task of a 4×-slowed first visit halved), ~0.3 kB searching saved articles,
 * ~0.4 kB the service worker's listener in the entry (what it says about
 * the network while the page starts must not be lost) and ~0.4 kB the
 * switch after hydration in turns (`hydration-turns.ts`: Lighthouse's
 * blocking time on `/` from ~500 to ~110 ms, decision 029) and ~0.34 kB
 * the dates written without `Intl` (141,710 → 142,050 B: the first `Intl`
 * object of a page was a 70–190 ms task at 4×, decision 032). A feature
 * that adds to the first load must load lazily (or say why, and raise this).
 */
export const FIRST_LOAD_BUDGET = { js: 142_500, css: 6_000 } as const

/** The files the browser loads for `/` before the list can hydrate. */
export type FirstLoadAssets = { js: string[]; css: string[] }

/**
 * The code and styles of `/`, as build-relative paths: the entry and its
 * static imports, the app's start and the root and list route modules and
 * theirs (what the prerendered home page `modulepreload`s), and the CSS
 * those chunks carry.
 */
export function firstLoadAssets(manifest: BuildManifest): FirstLoadAssets {
  const keys = new Set<string>()
  for (const key of Object.keys(manifest)) {
    if (manifest[key].isEntry) staticGraph(manifest, key, keys)
  }
  for (const module of [
    ROUTE_MODULES.start,
    ROUTE_MODULES.root,
    ROUTE_MODULES.list,
  ]) {
    staticGraph(manifest, module, keys)
  }
  const chunks = [...keys].map((key) => manifest[key])
  return {
    js: chunks.map((chunk) => chunk.file),
    css: [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))],
  }
}

export type FirstLoadSize = {
  /** Gzip bytes of all JS and of all CSS. */
  js: number
  css: number
  /** Each file with its gzip bytes. */
  files: { file: string; gzip: number }[]
}

/** Gzip sizes of `/`'s first load in the build at `distDir`. */
export async function measureFirstLoad(
  distDir: string,
): Promise<FirstLoadSize> {
  const assets = firstLoadAssets(await readBuildManifest(distDir))
  const size = async (file: string) => ({
    file,
    gzip: zlib.gzipSync(await readFile(path.join(distDir, file)), {
      level: 9,
    }).length,
  })
  const js = await Promise.all(assets.js.map(size))
  const css = await Promise.all(assets.css.map(size))
  const sum = (files: { gzip: number }[]) =>
    files.reduce((total, file) => total + file.gzip, 0)
  return { js: sum(js), css: sum(css), files: [...js, ...css] }
}
