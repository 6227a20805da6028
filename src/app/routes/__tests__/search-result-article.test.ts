import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DATA_ROOT } from '@/config/paths'
import type { Article } from '@/lib/article-schema'
import { articleQueries } from '@/features/articles/api/article-queries'
import { articleForResult } from '../search-result-article'

const article: Article = {
  id: 'stored1',
  url: '/a/stored1',
  title: '存好的文章',
  summary: '摘要',
  date_published: '2026-11-30T08:00:00.000Z',
  authors: [],
  tags: [],
  content_html: '<p>正文</p>',
  _zixun: { categories: [['科技']], reading_minutes: 1 },
}

/** A worker's Cache Storage holding `stored` (absolute URL → body), and a controller. */
function workerCaches(stored: Record<string, unknown>) {
  const match = vi.fn(async (url: string) =>
    url in stored
      ? new Response(JSON.stringify(stored[url]), {
          headers: { 'content-type': 'application/json' },
        })
      : undefined,
  )
  vi.stubGlobal('caches', { match, open: async () => ({ match }) })
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { controller: {} },
  })
  return match
}

const articleUrl = (id: string) =>
  new URL(`${DATA_ROOT}articles/${id}.json`, location.href).href

describe('articleForResult', () => {
  let client: QueryClient
  const fetchSpy = vi.fn<typeof fetch>()
  beforeEach(() => {
    client = new QueryClient()
    fetchSpy.mockReset()
    vi.stubGlobal('fetch', fetchSpy)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    Reflect.deleteProperty(navigator, 'serviceWorker')
  })

  it('takes the copy the worker stored, without a request, and leaves it stale (under any stale time) so opening it revalidates', async () => {
    workerCaches({ [articleUrl('stored1')]: article })
    await expect(articleForResult(client, 'stored1')).resolves.toEqual(article)
    expect(fetchSpy).not.toHaveBeenCalled()
    const state = client.getQueryState(
      articleQueries.detail('stored1').queryKey,
    )
    expect(state?.data).toEqual(article)
    expect(state?.dataUpdatedAt).toBe(0)
    expect(
      client
        .getQueryCache()
        .find({ queryKey: articleQueries.detail('stored1').queryKey })
        ?.isStaleByTime(60 * 60_000),
    ).toBe(true)
  })

  it('fetches what the worker did not store, and what no worker controls', async () => {
    fetchSpy.mockImplementation(
      async () =>
        new Response(JSON.stringify({ ...article, id: 'other' }), {
          headers: { 'content-type': 'application/json' },
        }),
    )
    const match = workerCaches({})
    await expect(articleForResult(client, 'other')).resolves.toMatchObject({
      id: 'other',
    })
    expect(match).toHaveBeenCalledWith(articleUrl('other'))
    expect(fetchSpy).toHaveBeenCalledTimes(1)
    Reflect.deleteProperty(navigator, 'serviceWorker')
    match.mockClear()
    await articleForResult(new QueryClient(), 'other')
    expect(match).not.toHaveBeenCalled()
    expect(fetchSpy).toHaveBeenCalledTimes(2)
  })

  it('does not trust a stored copy that is not an article', async () => {
    workerCaches({ [articleUrl('broken')]: { not: 'an article' } })
    fetchSpy.mockImplementation(
      async () =>
        new Response(JSON.stringify({ ...article, id: 'broken' }), {
          headers: { 'content-type': 'application/json' },
        }),
    )
    await expect(articleForResult(client, 'broken')).resolves.toMatchObject({
      id: 'broken',
    })
    expect(fetchSpy).toHaveBeenCalledTimes(1)
  })
})
