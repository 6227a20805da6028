import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { server } from '@/testing/mocks/server'
import { renderApp } from '@/testing/render-app'

/** Route chunks load lazily; a busy machine can take seconds. */
const slow = { timeout: 10_000 }

async function openArticle(id: string, title: string) {
  renderApp(`/a/${id}`)
  await screen.findByRole('heading', { level: 1, name: title }, slow)
  return within(screen.getByRole('main'))
}

describe('an article’s categories', { timeout: 20_000 }, () => {
  test('its one category path is shown once, as the breadcrumb', async () => {
    const article = fixtureArticles[0]
    const main = await openArticle(article.id, article.title)
    for (const name of article._zixun.categories[0]) {
      expect(main.getAllByRole('link', { name })).toHaveLength(1)
    }
    const crumbs = main.getByRole('navigation', { name: 'Breadcrumb' })
    expect(within(crumbs).getByRole('link', { name: '资讯' })).toBeVisible()
    expect(main.queryByText('Also in')).toBeNull()
  })

  test('further paths are listed once each, after the breadcrumb’s', async () => {
    const article = {
      ...fixtureArticles[2],
      _zixun: {
        ...fixtureArticles[2]._zixun,
        categories: [
          ['编程', 'Hacker News', '分类'],
          ['新媒体', 'cnBeta', '最新'],
        ],
      },
    }
    server.use(
      http.get(`*/data/articles/${article.id}.json`, () =>
        HttpResponse.json(article),
      ),
    )
    const main = await openArticle(article.id, article.title)
    const crumbs = main.getByRole('navigation', { name: 'Breadcrumb' })
    expect(
      within(crumbs)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['All', '编程', 'Hacker News', '分类'])
    const also = main.getByText('Also in').closest('p')
    expect(also).not.toBeNull()
    expect(
      within(also!)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['新媒体', 'cnBeta', '最新'])
    for (const name of ['编程', 'Hacker News', '新媒体', 'cnBeta']) {
      expect(main.getAllByRole('link', { name })).toHaveLength(1)
    }
  })
})
