import path from 'node:path'
import type { Manifest } from '../../src/lib/article-schema.ts'
import { dataPaths } from '../../src/lib/article-schema.ts'
import { chooseListPages } from './list-pages.ts'
import type { Prerenderer } from './load-prerenderer.ts'
import {
  buildListHead,
  dataPreload,
  modulePreloads,
  prerenderedMeta,
} from './page-hints.ts'
import { readListPage } from './read-data.ts'
import { fillShell, type Shell } from './shell.ts'
import type { Site } from './site.ts'
import { writeFiles } from './write-files.ts'

export type ListPrerenderOptions = {
  distDir: string
  manifest: Manifest
  renderer: Prerenderer
  shell: Shell
  site: Site
  /** At most this many categories (`chooseListPages`). */
  limit: number
  /** The list route's chunks beyond the entry (`routeChunkUrls`). */
  chunks: string[]
}

/**
 * Writes the first screen of `/` (into `index.html`) and of up to `limit`
 * categories (`c/<path>/index.html`): the shell with the list's head
 * elements, preloads of the list route's code and of the list's first
 * page, and in `#root` what the app renders for it — to be hydrated.
 * Reads only the first page of each list, so the cost does not grow with
 * the corpus. Returns the pages and bytes written.
 */
export async function prerenderLists(
  options: ListPrerenderOptions,
): Promise<{ pages: number; bytes: number }> {
  const { distDir, manifest, renderer, shell, site } = options
  const chosen = chooseListPages(manifest, options.limit)
  const dataDir = path.join(distDir, 'data')
  const files: [string, string][] = []
  for (const entry of chosen) {
    const firstPage = await readListPage(dataDir, entry.list, 1)
    const head = [
      ...buildListHead(entry.pathname, entry.categoryPath.at(-1), site),
      prerenderedMeta(entry.pathname),
      ...modulePreloads(options.chunks),
      dataPreload(dataPaths.page(entry.list, 1)),
    ]
    const body = await renderer.renderList(entry.pathname, firstPage)
    files.push([
      path.join(distDir, ...entry.file.split('/')),
      fillShell(shell, head.join('\n    '), body),
    ])
  }
  return { pages: files.length, bytes: writeFiles(files) }
}
