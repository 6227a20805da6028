import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scanHtml } from '../ingest/convert/body/html-text.ts'
import { encodeSearchRecord } from '../ingest/convert/search/search-record.ts'
import { writeSearchIndex } from '../ingest/write/search/write-search-index.ts'
import type { Article } from '../../src/lib/article-schema.ts'
import { fixtureArticles } from '../../src/testing/fixtures/articles.ts'
import { fixtureCategoryKey } from '../../src/testing/fixtures/data-files.ts'

/**
 * Vitest's global setup for the reader's tests: the fixtures' search index,
 * made once in Node and handed to the tests (`inject('searchFiles')`, as
 * base64), where the MSW server serves it beside the other fixture data.
 */
export default async function setup({
  provide,
}: {
  provide: (key: 'searchFiles', value: Record<string, string>) => void
}) {
  const files = await buildSearchFiles(fixtureArticles)
  provide(
    'searchFiles',
    Object.fromEntries(
      Object.entries(files).map(([path, bytes]) => [
        path,
        Buffer.from(bytes).toString('base64'),
      ]),
    ),
  )
}

/**
 * The search index an ingest of `articles` (newest first) would write,
 * made by the ingest's own writer into memory: path under the data root →
 * bytes. Tiers hold `topTier` postings in the shard, so small fixtures
 * still cross tiers.
 */
export async function buildSearchFiles(
  articles: Article[],
  topTier = 2,
): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {}
  const encoder = new TextEncoder()
  const put = (rel: string, content: string | Uint8Array) => {
    files[rel] = typeof content === 'string' ? encoder.encode(content) : content
  }
  const records = new Map<string, Uint8Array>()
  const sorted = articles.map((article, i) => {
    const articleHash = `fixture-${i}`.padEnd(20, '-')
    const text = scanHtml(article.content_html).text || article.summary
    records.set(articleHash, encodeSearchRecord(article.title, text))
    return { id: article.id, articleHash, paths: article._zixun.categories }
  })
  const spillDir = mkdtempSync(join(tmpdir(), 'zixun-search-fixture-'))
  try {
    await writeSearchIndex(
      {
        write: put,
        writeAddressed: (rel, content) => put(rel, content()),
        previousHash: () => undefined,
        keepPrevious: () => 0,
        note: () => {},
      },
      sorted,
      {
        get: (hash) => records.get(hash),
        size: (hash) => records.get(hash)?.length ?? 0,
        save: () => {},
      },
      {
        codeVersion: 'fixture',
        spillDir,
        topTier,
        categoryKey: fixtureCategoryKey,
      },
    )
  } finally {
    rmSync(spillDir, { recursive: true, force: true })
  }
  return files
}
