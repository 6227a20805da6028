import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type {
  ArticleSummary,
  ListPage,
  ListRef,
  Manifest,
} from '../../src/lib/article-schema.ts'
import {
  dataPaths,
  parseListPage,
  parseManifest,
} from '../../src/lib/article-schema.ts'

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'))
}

/** The manifest under `dataDir`, or null when there is no data yet. */
export async function readManifest(dataDir: string): Promise<Manifest | null> {
  try {
    return parseManifest(await readJson(path.join(dataDir, dataPaths.manifest)))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * Every summary of a list, newest first, with the list title, read from
 * its page files (summaries only: no article bodies are read).
 */
export async function readList(
  dataDir: string,
  list: ListRef,
): Promise<{ title: string; items: ArticleSummary[] }> {
  const numbers = Array.from({ length: list.pages }, (_, i) => i + 1)
  const pages = []
  for (let i = 0; i < numbers.length; i += 64) {
    const batch = numbers
      .slice(i, i + 64)
      .map(async (n) =>
        parseListPage(
          await readJson(path.join(dataDir, dataPaths.page(list, n))),
        ),
      )
    pages.push(...(await Promise.all(batch)))
  }
  return {
    title: pages[0]?.title ?? '',
    items: pages.flatMap((page) => page.items),
  }
}

/** Page `page` (1-based) of a list, checked against the data contract. */
export async function readListPage(
  dataDir: string,
  list: Pick<ListRef, 'base'>,
  page: number,
): Promise<ListPage> {
  return parseListPage(
    await readJson(path.join(dataDir, dataPaths.page(list, page))),
  )
}
