import { act, render, screen, waitFor } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { ArticleSummary } from '@/lib/article-schema'
import { TestLocale } from '@/testing/test-locale'
import { ArticleList } from './article-list'

const ROW = 150
const ESTIMATED_ROW = 170

function summaries(count: number): ArticleSummary[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `row-${i + 1}`,
    url: `/a/row-${i + 1}`,
    title: `Row ${i + 1}`,
    summary: '',
    date_published: '2026-01-01T00:00:00Z',
    authors: [],
    tags: [],
    _zixun: { categories: [], reading_minutes: 1 },
  }))
}

function renderList(articles: ArticleSummary[]) {
  return render(
    <MemoryRouter>
      <ArticleList
        articles={articles}
        total={articles.length}
        hasMore={false}
        isLoadingMore={false}
        loadMoreFailed={false}
        onLoadMore={() => {}}
        entry={{ key: `test-${articles.length}`, href: '/', pages: 1 }}
      />
    </MemoryRouter>,
    { wrapper: TestLocale },
  )
}

function scrollWindowTo(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true })
  act(() => {
    window.dispatchEvent(new Event('scroll'))
  })
}

// jsdom has no layout: every row measures 150 px, the viewport is 768 px.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(
    function (this: HTMLElement) {
      return this.tagName === 'LI' ? ROW : 0
    },
  )
})

afterEach(() => scrollWindowTo(0))

/** Long lists window their rows once that code has loaded. */
async function windowed() {
  await waitFor(() =>
    expect(screen.getByRole('list')).toHaveAttribute('data-windowed'),
  )
}

describe('a long list', () => {
  test('keeps only the rows near the viewport in the DOM', async () => {
    renderList(summaries(20_000))
    await windowed()
    const rows = screen.getAllByRole('listitem')
    expect(rows.length).toBeGreaterThan(3)
    expect(rows.length).toBeLessThan(30)
    expect(rows[0]).toHaveAttribute('aria-posinset', '1')
    expect(rows[0]).toHaveAttribute('aria-setsize', '20000')
    expect(screen.getByRole('link', { name: 'Row 1' })).toHaveAttribute(
      'href',
      '/a/row-1',
    )
  })

  test('renders the rows at the scroll position, as real articles with links', async () => {
    renderList(summaries(20_000))
    await windowed()
    // Rows above have never been rendered, so they count at the estimate.
    scrollWindowTo(5_000 * ESTIMATED_ROW)
    const positions = screen
      .getAllByRole('listitem')
      .map((row) => Number(row.getAttribute('aria-posinset')))
    expect(positions).toContain(5_001)
    expect(Math.max(...positions) - Math.min(...positions)).toBeLessThan(30)
    expect(screen.queryByRole('link', { name: 'Row 1' })).toBeNull()
    expect(screen.getAllByRole('article').length).toBe(positions.length)
    expect(
      screen.getByRole('link', { name: 'Row 5001' }).closest('article'),
    ).not.toBeNull()
  })

  test('a short list renders every row, in the page’s flow', () => {
    renderList(summaries(40))
    expect(screen.getAllByRole('article')).toHaveLength(40)
    expect(screen.getByRole('list')).not.toHaveAttribute('data-windowed')
  })

  test('shows its first rows in the flow until the windowing has loaded', async () => {
    // A fresh copy of the module: no earlier test has loaded the windowing.
    vi.resetModules()
    const fresh = await import('./article-list')
    const { TestLocale: FreshLocale } = await import('@/testing/test-locale')
    const articles = summaries(200)
    render(
      <MemoryRouter>
        <fresh.ArticleList
          articles={articles}
          total={articles.length}
          hasMore={false}
          isLoadingMore={false}
          loadMoreFailed={false}
          onLoadMore={() => {}}
          entry={{ key: 'fresh', href: '/', pages: 9 }}
        />
      </MemoryRouter>,
      { wrapper: FreshLocale },
    )
    expect(screen.getAllByRole('article')).toHaveLength(48)
    await windowed()
    expect(screen.getAllByRole('article').length).toBeLessThan(48)
  })
})
