import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Search } from '../../../src/lib/search/engine.ts'
import { IndexReader } from '../../../src/lib/search/index-reader.ts'
import { parseQuery } from '../../../src/lib/search/parse-query.ts'
import { parseSearchMeta } from '../../../src/lib/search/search-schema.ts'
import type { BenchArticle, RecallQuery } from './queries.ts'

/** Hits asked of the engine at a time while looking for the article. */
const BATCH = 500

/**
 * Whether each query's article is among Zixun's hits: the browser's engine
 * (src/lib/search/engine.ts, the same module) run in Node over the index
 * files on disk, article texts as the ingest read them. It stops at the
 * article: a hit is found however deep it ranks.
 */
export async function zixunRecall(
  dataDir: string,
  articles: BenchArticle[],
  queries: RecallQuery[],
): Promise<boolean[]> {
  const read = (rel: string) => readFileSync(path.join(dataDir, rel))
  const reader = new IndexReader(
    parseSearchMeta(JSON.parse(read('search/index.json').toString())),
    {
      bytes: async (rel) => new Uint8Array(read(rel)),
      json: async (rel) => JSON.parse(read(rel).toString('utf8')) as unknown,
    },
  )
  const byId = new Map(articles.map((a) => [a.id, a]))
  const idOf = new Map<number, string>()
  const text = async (docnum: number) => {
    let id = idOf.get(docnum)
    if (id === undefined) idOf.set(docnum, (id = await reader.id(docnum)))
    const article = byId.get(id)
    if (!article) throw new Error(`no article ${id}`)
    return article
  }
  const found: boolean[] = []
  for (const { q, id } of queries) {
    const search = await Search.start(reader, parseQuery(q), { text })
    let hit = false
    while (!hit && !search.done) {
      for (const h of await search.next(BATCH)) {
        if ((idOf.get(h.docnum) ?? (await text(h.docnum)).id) === id) hit = true
      }
    }
    found.push(hit)
  }
  return found
}
