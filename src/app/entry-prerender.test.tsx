import { act, render, screen, waitFor, within } from '@testing-library/react'
import { StrictMode, useLayoutEffect, useState } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { AppProvider } from '@/app/provider'
import { createAppRouter } from '@/app/router'
import { ReadingSlot } from '@/lib/reading/reading-slot'
import { createTestReadingStore } from '@/testing/reading-store'
import type { Language } from '@/config/languages'
import type {
  Article,
  ArticleSummary,
  ListPage,
  Manifest,
} from '@/lib/article-schema'
import { dataPaths } from '@/lib/article-schema'
import { createQueryClient } from '@/lib/query-client'
import { fixtureArticles } from '@/testing/fixtures/articles'
import { dataFiles } from '@/testing/mocks/server'
import { createPrerenderer } from './entry-prerender'

/**
 * Every render of a card's date and a tree row's count, after it first
 * mounted (hydration's commit) and whether its part had switched: a part
 * re-rendered by the frame's switch shows as a render after mounting,
 * not yet switched.
 */
const partRenders = vi.hoisted(
  () => [] as { part: string; mounted: boolean; switched: boolean }[],
)
const mountedParts = new WeakSet<object>()
function useLoggedRender(part: string | null, switched: boolean) {
  const [self] = useState(() => ({}))
  if (part !== null) {
    partRenders.push({ part, mounted: mountedParts.has(self), switched })
  }
  useLayoutEffect(() => {
    mountedParts.add(self)
  })
}
vi.mock(import('@/components/date-time'), async (importOriginal) => {
  const actual = await importOriginal()
  const { useHydrated } = await import('@/lib/use-hydrated')
  return {
    ...actual,
    DateTime(props) {
      useLoggedRender(`date ${props.iso}`, useHydrated())
      return actual.DateTime(props)
    },
  }
})
vi.mock(
  import('@/features/categories/components/category-count'),
  async (importOriginal) => {
    const actual = await importOriginal()
    const { useHydrated } = await import('@/lib/use-hydrated')
    return {
      ...actual,
      CategoryCount(props) {
        // All's count (no node) is the frame's.
        useLoggedRender(props.node && `row ${props.node.key}`, useHydrated())
        return actual.CategoryCount(props)
      },
    }
  },
)

const manifest = dataFiles['manifest.json'] as Manifest
const slow = { timeout: 10_000 }

/** The parts of a page above the body: they must not change on takeover. */
const HEADER_PARTS = [
  'header.site-header',
  'nav.category-nav',
  'nav.breadcrumb',
  'header.article-header',
]

function summaryOf({ content_html: _body, ...summary }: Article) {
  return summary satisfies ArticleSummary
}

/** The app as `main.tsx` starts it, on a memory router at `url`. */
function startApp(url: string) {
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  const reading = ReadingSlot.of(createTestReadingStore())
  const router = createAppRouter(queryClient, reading, (routes) =>
    createMemoryRouter(routes, { initialEntries: [url] }),
  )
  const app = (language: Language) => (
    <StrictMode>
      <AppProvider
        queryClient={queryClient}
        language={language}
        reading={reading}
      >
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>
  )
  return { router, app }
}

/**
 * Each header part's markup as the DOM holds it: without the comments
 * React writes between adjacent texts on the server, with dates as
 * their `datetime` (their text is the reader's format once the app runs),
 * and with the parts that follow the reader's state (`data-reader`:
 * unread counts, save and read buttons) emptied, since a prerendered page
 * cannot know it.
 */
function headerMarkup(root: Element): string[] {
  return HEADER_PARTS.map((selector) => {
    const part = root.querySelector(selector)?.cloneNode(true) as Element
    if (!part) return `(no ${selector})`
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_COMMENT)
    const comments: Node[] = []
    while (walker.nextNode()) comments.push(walker.currentNode)
    for (const comment of comments) comment.parentNode?.removeChild(comment)
    // Dates become the reader's (text, hover title) once the app runs.
    for (const time of part.querySelectorAll('time')) {
      const datetime = time.getAttribute('datetime') ?? ''
      for (const name of time.getAttributeNames()) time.removeAttribute(name)
      time.setAttribute('datetime', datetime)
      time.textContent = datetime
    }
    // React's client and server set an <input>'s attributes in different
    // orders; hydration does not look at the order, so neither does this.
    for (const element of [part, ...part.querySelectorAll('*')]) {
      const attributes = [...element.attributes]
        .map((a): [string, string] => [a.name, a.value])
        .sort(([a], [b]) => (a < b ? -1 : 1))
      for (const [name] of attributes) element.removeAttribute(name)
      for (const [name, value] of attributes) element.setAttribute(name, value)
    }
    for (const own of part.querySelectorAll('[data-reader]')) {
      own.replaceWith(document.createElement(own.tagName))
    }
    return part.outerHTML
  })
}

const mounted: Array<() => void> = []
afterEach(() => {
  for (const unmount of mounted.splice(0)) unmount()
  document.body.replaceChildren()
})

describe('a prerendered article page', { timeout: 20_000 }, () => {
  test.each(fixtureArticles.map((article) => [article.id, article] as const))(
    '%s: the page frame is the same as when rendered whole',
    async (_id, article) => {
      // The renderer checks one page in CHECK_EVERY; here every page is
      // compared with a fresh renderer's first (whole) page.
      const shared = createPrerenderer(manifest)
      await shared.renderArticle(summaryOf(fixtureArticles[0]))
      const spliced = await shared.renderArticle(summaryOf(article))
      const whole = await createPrerenderer(manifest).renderArticle(
        summaryOf(article),
      )
      expect(spliced).toBe(whole)
    },
  )

  test('is hydrated by the app, which then speaks the reader’s language', async () => {
    const article = fixtureArticles[0]
    const container = document.createElement('div')
    container.innerHTML = await createPrerenderer(manifest).renderArticle(
      summaryOf(article),
    )
    document.body.append(container)
    const parts = HEADER_PARTS.map((selector) =>
      container.querySelector(selector),
    )
    expect(parts).not.toContain(null)
    expect(container.querySelector('.article-body')).toHaveTextContent(
      article.summary,
    )

    const { router, app } = startApp(`/a/${article.id}`)
    await waitFor(() => expect(router.state.initialized).toBe(true), slow)
    const errors: unknown[] = []
    const root = await act(async () =>
      hydrateRoot(container, app('en'), {
        onRecoverableError: (error) => errors.push(error),
      }),
    )
    mounted.push(() => act(() => root.unmount()))
    expect(errors).toEqual([])
    // The same elements: React took the markup over instead of redrawing it.
    HEADER_PARTS.forEach((selector, i) => {
      expect(container.querySelector(selector)).toBe(parts[i])
    })
    // The switch to the reader's language comes in turns after hydration
    // (decision 029): on a busy machine it can take longer than `act`.
    expect(
      await screen.findByRole('navigation', { name: 'Categories' }, slow),
    ).toBe(parts[1])
    expect(
      await screen.findByRole('button', { name: 'Share' }, slow),
    ).toBeEnabled()
    expect(container.querySelector('.article-body')).toHaveTextContent(
      'Rust ships',
    )
  })

  test('has the header the app renders for the same URL', async () => {
    for (const article of fixtureArticles) {
      const prerendered = document.createElement('div')
      prerendered.innerHTML = await createPrerenderer(manifest).renderArticle(
        summaryOf(article),
      )
      const { app } = startApp(`/a/${article.id}`)
      const view = render(app('zh-CN'))
      mounted.push(view.unmount)
      await within(view.container).findByRole(
        'heading',
        { level: 1, name: article.title },
        slow,
      )
      expect(headerMarkup(view.container)).toEqual(headerMarkup(prerendered))
      view.unmount()
      mounted.pop()
    }
  })
})

describe('a prerendered list', { timeout: 20_000 }, () => {
  const firstPage = (base: string) =>
    dataFiles[dataPaths.page({ base }, 1)] as ListPage
  const coding = manifest.categories[0]
  const lists = [
    ['/', manifest.all.base],
    [`/c/${encodeURIComponent(coding.name)}`, coding.base],
  ] as const

  test.each(lists)(
    '%s is hydrated by the app with no mismatch, its cards kept',
    async (pathname, base) => {
      const container = document.createElement('div')
      container.innerHTML = await createPrerenderer(manifest).renderList(
        pathname,
        firstPage(base),
      )
      document.body.append(container)
      const cards = [...container.querySelectorAll('ol.article-list > li')]
      expect(cards).toHaveLength(firstPage(base).items.length)

      const { router, app } = startApp(pathname)
      await waitFor(() => expect(router.state.initialized).toBe(true), slow)
      const errors: unknown[] = []
      const root = await act(async () =>
        hydrateRoot(container, app('en'), {
          onRecoverableError: (error) => errors.push(error),
        }),
      )
      mounted.push(() => act(() => root.unmount()))
      expect(errors).toEqual([])
      // The same elements, now in the reader's language.
      expect(
        await screen.findByRole('button', { name: 'Load more' }, slow),
      ).toBeEnabled()
      expect([...container.querySelectorAll('ol.article-list > li')]).toEqual(
        cards,
      )
    },
  )

  test('switches to the reader after hydration part by part: the frame, then cards and tree rows in turns of their own', async () => {
    const base = manifest.all.base
    const container = document.createElement('div')
    container.innerHTML = await createPrerenderer(manifest).renderList(
      '/',
      firstPage(base),
    )
    document.body.append(container)
    const cards = [...container.querySelectorAll('article.card')]
    // The tree's first count is All's: part of the frame, not a row's.
    const [allCount, ...counts] = container.querySelectorAll(
      '.category-tree .count',
    )
    // Rows in a closed branch switch once it is opened.
    const rows = counts.filter((count) => !count.closest('ul[hidden]'))
    const closed = counts.filter((count) => count.closest('ul[hidden]'))
    expect(cards.length).toBeGreaterThanOrEqual(2)
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(closed.length).toBeGreaterThanOrEqual(1)
    // What each card and tree row shows once it has switched.
    const cardSwitched = (card: Element) =>
      card
        .querySelector('.share-button')
        ?.getAttribute('aria-label')
        ?.startsWith('Share') === true
    const rowSwitched = (count: Element) => count.matches('.unread-count')
    // Seen after every task that changed the page (a MutationObserver's
    // callback runs once the task's changes are done).
    const seen: { frame: boolean; cards: number; rows: number }[] = []
    const observer = new MutationObserver(() => {
      seen.push({
        frame:
          container.querySelector('.list-end button')?.textContent ===
          'Load more',
        cards: cards.filter(cardSwitched).length,
        rows: rows.filter(rowSwitched).length,
      })
    })
    observer.observe(container, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    })

    const { router, app } = startApp('/')
    await waitFor(() => expect(router.state.initialized).toBe(true), slow)
    // Not in act(): it would run the turns' tasks and commits together.
    // React schedules as in the browser, as `waitFor` lets it.
    const actEnvironment: unknown = Reflect.get(
      globalThis,
      'IS_REACT_ACT_ENVIRONMENT',
    )
    Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', false)
    const root = hydrateRoot(container, app('en'))
    mounted.push(() => {
      root.unmount()
      Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', actEnvironment)
    })
    partRenders.length = 0
    await waitFor(() => {
      expect(cards.filter(cardSwitched)).toHaveLength(cards.length)
      expect(rows.filter(rowSwitched)).toHaveLength(rows.length)
    }, slow)
    observer.disconnect()
    expect(closed.filter(rowSwitched)).toEqual([])
    // No part rendered again before its own turn: the frame's switch (and
    // the end of hydration) left the cards and rows as they were.
    expect(partRenders.length).toBeGreaterThan(0)
    expect(
      partRenders.filter((render) => render.mounted && !render.switched),
    ).toEqual([])

    // The frame switched on its own: no card or row with it.
    const frame = seen.findIndex((state) => state.frame)
    expect(seen[frame]).toEqual({ frame: true, cards: 0, rows: 0 })
    expect(allCount).toHaveClass('unread-count')
    // Then the parts, in later tasks (how many a turn takes is
    // hydration-turns.test.ts's).
    const afterwards = seen.slice(frame + 1)
    expect(afterwards.length).toBeGreaterThanOrEqual(1)

    // A closed branch opened: its rows switch.
    const branch = closed[0].closest('ul[hidden]') as HTMLElement
    const opener = container.querySelector<HTMLButtonElement>(
      `[aria-controls="${branch.id}"]`,
    )
    opener?.click()
    await waitFor(() => {
      expect(branch).not.toHaveAttribute('hidden')
      const inside = closed.filter(
        (count) => branch.contains(count) && !count.closest('ul[hidden]'),
      )
      expect(inside.length).toBeGreaterThanOrEqual(1)
      expect(inside.filter(rowSwitched)).toHaveLength(inside.length)
    }, slow)

    // The same elements throughout: switched in place, not redrawn.
    expect([...container.querySelectorAll('article.card')]).toEqual(cards)
  })

  test('shows the same list as the app renders for the URL', async () => {
    const prerendered = document.createElement('div')
    prerendered.innerHTML = await createPrerenderer(manifest).renderList(
      '/',
      firstPage(manifest.all.base),
    )
    const { app } = startApp('/')
    const view = render(app('zh-CN'))
    mounted.push(view.unmount)
    await within(view.container).findByRole(
      'button',
      { name: '加载更多' },
      slow,
    )
    const titles = (root: Element) =>
      [...root.querySelectorAll('ol.article-list h2')].map((h) => h.outerHTML)
    expect(titles(view.container)).toEqual(titles(prerendered))
  })
})
