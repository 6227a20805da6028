import type { QueryClient } from '@tanstack/react-query'
import { DATA_ROOT } from '@/config/paths'
import { articleQueries } from '@/features/articles/api/article-queries'
import { dataPaths, parseArticle, type Article } from '@/lib/article-schema'
import { readJson } from '@/lib/data-client'
import { storedResponse } from '@/lib/stored-responses'

/**
 * An article for a search result, as fast as it can be had: from the
 * query cache, else the copy the service worker stored (an earlier
 * search, an opened article, a shelf), put in the query cache as stale
 * so that opening the result revalidates it; else from the network.
 * A search's hits wait on these reads, and the worker's network-first
 * route would revalidate each one on the way (decision 022).
 */
export async function articleForResult(
  client: QueryClient,
  id: string,
): Promise<Article> {
  const options = articleQueries.detail(id)
  const known = client.getQueryData(options.queryKey)
  if (known) return known
  const url = DATA_ROOT + dataPaths.article(id)
  const stored = await storedResponse(url)
  if (stored) {
    const article = await readJson(stored, url, parseArticle).catch(
      () => undefined,
    )
    if (article) {
      client.setQueryData(options.queryKey, article, { updatedAt: 0 })
      return article
    }
  }
  return client.ensureQueryData(options)
}
