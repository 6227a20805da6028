import type { LoaderFunctionArgs, Location } from 'react-router'
import { describe, expect, test } from 'vitest'
import { articleQueries } from '@/features/articles/api/article-queries'
import { manifestQueries } from '@/lib/manifest-queries'
import { saveEntrySnapshot } from '@/lib/entry-snapshots'
import { createQueryClient } from '@/lib/query-client'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { dataFiles } from '@/testing/mocks/server'
import { ReadingSlot } from '@/lib/reading/reading-slot'
import { createTestReadingStore } from '@/testing/reading-store'
import { clientLoader as detailLoader } from '../article-detail'
import { clientLoader as listLoader } from '../article-list'
import { fromListState } from '../list-context'

const coding = `/c/${encodeURIComponent('编程')}`

/** Runs `loader` alone, as the router would for `location`. */
async function run(
  loader: typeof listLoader | typeof detailLoader,
  location: Partial<Location> & { pathname: string },
  params: Record<string, string> = {},
) {
  const queryClient = createQueryClient()
  const loading = () => ({
    search: '',
    hash: '',
    state: null,
    key: 'k',
    ...location,
  })
  const request = new Request(`http://localhost${location.pathname}`)
  await loader(
    queryClient,
    loading,
    ReadingSlot.of(createTestReadingStore()),
  )({ request, params } as LoaderFunctionArgs)
  return queryClient
}

describe('on its own, without the root loader', () => {
  test('the article loader loads the manifest and the article its view reads', async () => {
    const [article] = fixtureArticles
    const queryClient = await run(
      detailLoader,
      { pathname: `/a/${article.id}` },
      { id: article.id },
    )
    expect(queryClient.getQueryData(manifestQueries.get().queryKey)).toEqual(
      dataFiles['manifest.json'],
    )
    expect(
      queryClient.getQueryData(articleQueries.detail(article.id).queryKey),
    ).toEqual(article)
  })

  test('the article loader starts previous/next in the list the link came from', async () => {
    const [article] = fixtureArticles
    const queryClient = await run(
      detailLoader,
      { pathname: `/a/${article.id}`, state: fromListState(coding) },
      { id: article.id },
    )
    const manifest = queryClient.getQueryData(manifestQueries.get().queryKey)
    const list = manifest!.categories.find((node) => node.name === '编程')!
    const neighbours = articleQueries.neighbours(list.base, article.id)
    await expect
      .poll(() => queryClient.getQueryData(neighbours.queryKey)?.next?.id)
      .toBe(fixtureArticles[2].id)
  })

  test('the list loader loads the pages its history entry remembers', async () => {
    saveEntrySnapshot('k', {
      list: { href: '/', pages: 2, offset: 0, width: 0, sizes: [] },
    })
    const queryClient = await run(listLoader, { pathname: '/' })
    const manifest = queryClient.getQueryData(manifestQueries.get().queryKey)
    const pages = queryClient.getQueryData(
      articleQueries.list(manifest!.all.base).queryKey,
    )?.pages
    expect(pages?.map((page) => page._zixun.page)).toEqual([1, 2])
  })
})
