import { DATA_ROOT } from '@/config/paths'
import { DataError, fetchJson } from '@/lib/data-client'
import type { IndexFiles } from '@/lib/search/index-reader'

/**
 * The search index's files as the browser gets them, from the data root.
 * A binary file answered with HTML (a static host's fallback page) counts
 * as missing, like the JSON files (decision 002).
 */
export const searchFiles: IndexFiles = {
  json: (path) => fetchJson(DATA_ROOT + path, (value) => value),
  bytes: async (path) => {
    const url = DATA_ROOT + path
    let response: Response
    try {
      response = await fetch(url)
    } catch {
      throw new DataError(`Network error while loading ${url}`, 0, url)
    }
    if (!response.ok) {
      throw new DataError(
        `${response.status} while loading ${url}`,
        response.status,
        url,
      )
    }
    if ((response.headers.get('content-type') ?? '').includes('html')) {
      throw new DataError(`Not found: ${url}`, 404, url)
    }
    return new Uint8Array(await response.arrayBuffer())
  },
}
