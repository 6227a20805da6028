import type { ArticleSummary, ListPage } from '@/lib/article-schema'

/** How many pages a search may fetch for an article not yet loaded. */
const MAX_FETCHED_PAGES = 10

export type ListNeighbours = {
  /** The newer article. */
  previous?: ArticleSummary
  /** The older article. */
  next?: ArticleSummary
}

export type PageReader = {
  /** Page `page` (1-based), from the cache or the network. */
  read: (page: number) => Promise<ListPage>
  /** Whether page `page` is already loaded (reading it costs nothing). */
  isCached: (page: number) => boolean
}

/**
 * The articles before and after `article` in a newest-first list. Pages are read from the first until the article has an
 * older neighbour (so an article ending a page costs one more page), or
 * the list has passed its date (it is not in the list). Loaded pages are
 * free; at most MAX_FETCHED_PAGES more are fetched, so a cold load of an
 * old article gives up instead of walking a long list.
 */
export async function findNeighbours(
  article: Pick<ArticleSummary, 'id' | 'date_published'>,
  reader: PageReader,
): Promise<ListNeighbours> {
  const published = Date.parse(article.date_published)
  const items: ArticleSummary[] = []
  let fetched = 0
  for (let page = 1, pages = 1; page <= pages; page++) {
    if (!reader.isCached(page) && ++fetched > MAX_FETCHED_PAGES) break
    const data = await reader.read(page)
    pages = data._zixun.pages
    items.push(...data.items)
    const index = items.findIndex((item) => item.id === article.id)
    if (index !== -1 && index < items.length - 1) return around(items, index)
    const last = items.at(-1)
    if (index === -1 && last && Date.parse(last.date_published) < published) {
      return {}
    }
  }
  return around(
    items,
    items.findIndex((item) => item.id === article.id),
  )
}

function around(items: ArticleSummary[], index: number): ListNeighbours {
  if (index === -1) return {}
  return { previous: items[index - 1], next: items[index + 1] }
}
