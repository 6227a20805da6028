import { DATA_ROOT } from '@/config/paths'
import { DataError, fetchData, readJson, successful } from '@/lib/data-client'
import { OFFLINE_CACHES } from '@/lib/offline-caches'
import type { IndexFiles } from '@/lib/search/index-reader'
import { storedResponse } from '@/lib/stored-responses'

const JSON_REQUEST: RequestInit = { headers: { accept: 'application/json' } }

/**
 * One hashed search file: the copy the worker stored when there is one
 * (a hashed name never changes content), else from the network through
 * the worker, which keeps it for offline use (cache first). Never used
 * for `index.json`, which is revalidated (`searchQueries.meta`).
 */
async function get(url: string, init?: RequestInit): Promise<Response> {
  const stored = await storedResponse(url, OFFLINE_CACHES.lists)
  return stored ?? fetchData(url, init)
}

/**
 * The search index's files as the browser gets them, from the data root.
 * A binary file answered with HTML (a static host's fallback page) counts
 * as missing, like the JSON files (decision 002).
 */
export const searchFiles: IndexFiles = {
  json: async (path) =>
    readJson(
      await get(DATA_ROOT + path, JSON_REQUEST),
      DATA_ROOT + path,
      (value) => value,
    ),
  bytes: async (path) => {
    const url = DATA_ROOT + path
    const response = successful(await get(url), url)
    if ((response.headers.get('content-type') ?? '').includes('html')) {
      throw new DataError(`Not found: ${url}`, 404, url)
    }
    return new Uint8Array(await response.arrayBuffer())
  },
}
