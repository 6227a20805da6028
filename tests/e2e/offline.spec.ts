import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test'
import { chromiumLaunchOptions } from '../../scripts/chromium'
import type { Article } from '../../src/lib/article-schema'
import { expect, test } from './support/fixtures'
import {
  buildOfflineSite,
  freePort,
  ImageServer,
  SiteServer,
  type OfflineSite,
} from './support/offline-site'

// Issue 13. The site runs on a server these tests own, so "offline" is a
// stopped server: the service worker's own fetches fail as the page's do
// (`context.setOffline` would not prove that). The images live on a
// second server, cross-origin, as hotlinked news images do.
test.describe.configure({ mode: 'serial', timeout: 90_000 })

let work: string
let site: OfflineSite
let server: SiteServer
let images: ImageServer

test.beforeAll(async () => {
  test.setTimeout(180_000)
  work = await mkdtemp(path.join(tmpdir(), 'zixun-offline-'))
  const imagePort = await freePort()
  site = await buildOfflineSite(
    path.join(work, 'site'),
    `http://127.0.0.1:${imagePort}`,
  )
  images = new ImageServer(site.imagesDir, imagePort)
  server = new SiteServer(path.join(work, 'served'), await freePort())
  await server.deploy(site.v1)
  await Promise.all([server.start(), images.start()])
})

test.afterAll(async () => {
  await Promise.all([server?.stop(), images?.stop()])
  if (work) await rm(work, { recursive: true, force: true })
})

/** A fresh browser context on the owned server (no mocked requests). */
async function openContext(browser: Browser) {
  return browser.newContext({ baseURL: server.origin })
}

async function whenControlled(page: Page) {
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), {
      message: 'the service worker controls the page',
      timeout: 15_000,
    })
    .toBe(true)
}

/** The newest articles whose body shows an image of the image server. */
function newestWithBodyImages(articles: Article[]): Article[] {
  return articles
    .filter((a) => a.content_html.includes(images.origin))
    .sort((a, b) => b.date_published.localeCompare(a.date_published))
}

/** The first image of the article body, scrolled to and loaded. */
async function expectBodyImage(page: Page) {
  const image = page
    .locator('.article-body img')
    .and(page.locator(`img[src^="${images.origin}"]`))
    .first()
  // A lazy image has no size until it loads: scroll to where it sits.
  await image.evaluate((img) => img.scrollIntoView({ block: 'center' }))
  await expect
    .poll(() =>
      image.evaluate(
        (img: HTMLImageElement) => img.complete && img.naturalWidth,
      ),
    )
    .toBeGreaterThan(0)
}

async function openArticle(page: Page, article: Article) {
  await page.goto(`/a/${article.id}`)
  await expect(
    page.getByRole('heading', { level: 1, name: article.title.trim() }),
  ).toBeVisible()
}

function unreadTitle(article: Article | undefined): string {
  if (!article) throw new Error('no unread card was found')
  return article.title.trim()
}

async function stopServers() {
  await Promise.all([server.stop(), images.stop()])
}

async function startServers() {
  await Promise.all([server.start(), images.start()])
}

test('after the server stops, the list and the three articles read open with their images; an unread one says why it cannot', async ({
  browser,
}) => {
  const context = await openContext(browser)
  const page = await context.newPage()
  const read = newestWithBodyImages(site.articles).slice(0, 3)
  await page.goto('/')
  await whenControlled(page)
  // What the first visit loaded before the worker took control is kept
  // too: a reader who only moves inside the app can still start it offline.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const kept = await caches.open('zixun-manifest')
        return (await kept.keys()).length
      }),
    )
    .toBe(1)
  for (const article of read) {
    await openArticle(page, article)
    await expectBodyImage(page)
  }

  let unread: Article | undefined
  await stopServers()
  try {
    await page.reload()
    await expect(
      page.getByRole('heading', { level: 1, name: read[2].title.trim() }),
    ).toBeVisible()
    await expectBodyImage(page)
    const banner = page.getByText('Offline — showing saved and read articles')
    await expect(banner).toBeVisible()

    await page.goto('/')
    await expect(page.getByRole('article').first()).toBeVisible()
    const readTitles = read.map((a) => a.title.trim())
    const unreadCard = page
      .getByRole('article')
      .filter({ hasNot: page.getByRole('link', { name: readTitles[0] }) })
      .filter({ hasNot: page.getByRole('link', { name: readTitles[1] }) })
      .filter({ hasNot: page.getByRole('link', { name: readTitles[2] }) })
      .first()
    await expect(unreadCard.getByText('Not available offline')).toBeVisible()
    const unreadTitle = (
      await unreadCard.getByRole('heading', { level: 2 }).innerText()
    ).trim()
    unread = site.articles.find((a) => a.title.trim() === unreadTitle)
    for (const article of read) {
      const card = page.getByRole('article', { name: article.title.trim() })
      await expect(card).toBeVisible()
      await expect(card.getByText('Not available offline')).toHaveCount(0)
      await card.getByRole('link', { name: article.title.trim() }).click()
      await expect(
        page.getByRole('heading', { level: 1, name: article.title.trim() }),
      ).toBeVisible()
      await expectBodyImage(page)
      await page.goBack()
    }
    await page.goto(`/a/${unread?.id}`)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Not available offline' }),
    ).toBeVisible()
  } finally {
    await startServers()
  }
  // Back online: the banner goes by itself and the article loads.
  await expect(
    page.getByText('Offline — showing saved and read articles'),
  ).toHaveCount(0, { timeout: 40_000 })
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: unreadTitle(unread) }),
  ).toBeVisible()
  await context.close()
})

test('Chromium reports the app installable, with its manifest and icons', async () => {
  const profile = await mkdtemp(path.join(tmpdir(), 'zixun-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(),
    baseURL: server.origin,
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto('/')
    await whenControlled(page)
    const cdp = await context.newCDPSession(page)
    const manifest = await cdp.send('Page.getAppManifest')
    expect(manifest.errors).toEqual([])
    expect(manifest.url).toBe(`${server.origin}/manifest.webmanifest`)
    const { installabilityErrors } = await cdp.send(
      'Page.getInstallabilityErrors',
    )
    expect(installabilityErrors).toEqual([])
  } finally {
    await context.close()
    await rm(profile, { recursive: true, force: true })
  }
})

/** An article among the newest of the site, with an image of the image server in its body. */
function amongNewest(count: number): Article {
  const newest = new Set(
    [...site.articles]
      .sort((a, b) => b.date_published.localeCompare(a.date_published))
      .slice(0, count)
      .map((article) => article.id),
  )
  const found = newestWithBodyImages(site.articles).find((a) =>
    newest.has(a.id),
  )
  if (!found)
    throw new Error(`no article with images among the newest ${count}`)
  return found
}

test('the newest articles kept for offline open, with images, after the browser restarts on the same profile with the server stopped', async () => {
  const profile = await mkdtemp(path.join(tmpdir(), 'zixun-profile-'))
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions(),
      baseURL: server.origin,
    })
  // Ties in dates may order the list's tenth and eleventh either way.
  const kept = amongNewest(8)
  let context = await launch()
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto('/')
    await whenControlled(page)
    await page.getByRole('button', { name: 'Settings' }).click()
    const setting = page.getByLabel('Keep the newest articles for offline')
    await setting.selectOption('10')
    await expect(page.getByText('10 articles ready for offline')).toBeVisible({
      timeout: 30_000,
    })
    await context.close()

    await stopServers()
    try {
      context = await launch()
      const offline = context.pages()[0] ?? (await context.newPage())
      // Never opened in this profile: only the shelf can have it.
      await openArticle(offline, kept)
      await expectBodyImage(offline)
      await expect(
        offline.getByText('Offline — showing saved and read articles'),
      ).toBeVisible()
      await offline.goto('/')
      await offline.getByRole('button', { name: 'Settings' }).click()
      await expect(
        offline.getByLabel('Keep the newest articles for offline'),
      ).toHaveValue('10')
    } finally {
      await startServers()
    }
  } finally {
    await context.close()
    await rm(profile, { recursive: true, force: true })
  }
})

test('an article saved from its card, never opened, opens with its images after the browser restarts on the same profile with the server stopped', async () => {
  const profile = await mkdtemp(path.join(tmpdir(), 'zixun-profile-'))
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions(),
      baseURL: server.origin,
    })
  const saved = amongNewest(8)
  const title = saved.title.trim()
  let context = await launch()
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto('/')
    await whenControlled(page)
    await page.getByRole('button', { name: `Save: ${title}` }).click()
    await expect(
      page.getByRole('button', { name: `Save: ${title}` }),
    ).toHaveAttribute('aria-pressed', 'true')
    // Saving stores the article and its body's images for offline reading.
    await expect
      .poll(
        () =>
          page.evaluate(
            async (urls) => {
              const found = await Promise.all(urls.map((u) => caches.match(u)))
              return found.every((response) => response !== undefined)
            },
            [`/data/articles/${saved.id}.json`, firstBodyImage(saved)],
          ),
        { timeout: 30_000 },
      )
      .toBe(true)
    await context.close()

    await stopServers()
    try {
      context = await launch()
      const offline = context.pages()[0] ?? (await context.newPage())
      await openArticle(offline, saved)
      await expectBodyImage(offline)
      await offline.goto('/saved')
      await expect(
        offline.getByRole('main').getByRole('article', { name: title }),
      ).toBeVisible()
      // Saved articles are searched in their own text: offline too.
      const word = /[\u4e00-\u9fff]{2,4}|[A-Za-z]{4,}/.exec(title)![0]
      await offline.goto(`/search?saved=1&q=${encodeURIComponent(word)}`)
      await expect(
        offline.getByRole('main').getByRole('article', { name: title }),
      ).toBeVisible()
    } finally {
      await startServers()
    }
  } finally {
    await context.close()
    await rm(profile, { recursive: true, force: true })
  }
})

/** A run of two Chinese characters from a title that as few articles as possible have, with that article. */
function rareTitleWord(): { word: string; article: Article } {
  let best: { word: string; article: Article; count: number } | undefined
  for (const article of site.articles) {
    for (const run of article.title.match(/[\u4e00-\u9fff]{2,}/g) ?? []) {
      for (let i = 0; i + 2 <= run.length; i++) {
        const word = run.slice(i, i + 2)
        const count = site.articles.filter(
          (a) => a.title.includes(word) || a.content_html.includes(word),
        ).length
        if (!best || count < best.count) best = { word, article, count }
      }
    }
  }
  if (!best) throw new Error('no article has a Chinese title')
  return best
}

test('a search seen once is read again by the page from the worker’s caches: no request for its index files or articles, and offline too', async ({
  browser,
}) => {
  const { word, article } = rareTitleWord()
  const url = `/search?q=${encodeURIComponent(word)}`
  const result = (page: Page) =>
    page.getByRole('main').getByRole('article', { name: article.title.trim() })
  const context = await openContext(browser)
  try {
    const page = await context.newPage()
    await page.goto('/')
    await whenControlled(page)
    await page.goto(url)
    await expect(result(page)).toBeVisible()
    await stopServers()
    try {
      const again = await context.newPage()
      await again.goto(url)
      await expect(result(again)).toBeVisible()
      // Read from Cache Storage by the page: no fetch, so no resource entry
      // (through the worker each file would have one, with a workerStart).
      const fetched = await again.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname)
          .filter(
            (p) =>
              /^\/data\/(articles|search)\//.test(p) &&
              p !== '/data/search/index.json',
          ),
      )
      expect(fetched).toEqual([])
    } finally {
      await startServers()
    }
  } finally {
    await context.close()
  }
})

/** The URL of the first image of the image server in an article's body. */
function firstBodyImage(article: Article): string {
  const escaped = images.origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`src="(${escaped}[^"]+)"`).exec(article.content_html)
  if (!match) throw new Error(`${article.id} shows no image of the server`)
  return match[1].replaceAll('&amp;', '&')
}

async function version(page: Page) {
  return page.evaluate(() => document.documentElement.dataset.version)
}

test('a new deployment is offered, never forced; Reload shows it, and an old tab keeps working', async ({
  browser,
}) => {
  const context: BrowserContext = await openContext(browser)
  const page = await context.newPage()
  const oldTab = await context.newPage()
  await page.goto('/')
  await whenControlled(page)
  await oldTab.goto('/')
  await expect(oldTab.getByRole('article').first()).toBeVisible()
  expect(await version(page)).toBe('offline-1')

  await server.deploy(site.v2)
  try {
    // The browser looks for a new sw.js on every page load.
    await page.reload()
    const notice = page.getByRole('status').filter({
      hasText: 'A new version of Zixun is ready.',
    })
    await expect(notice).toBeVisible()
    expect(await version(page)).toBe('offline-1')
    await notice.getByRole('button', { name: 'Reload' }).click()
    // Across the reload: the new shell, and the new code running it.
    await expect(page.locator('meta[name="generator"]')).toHaveAttribute(
      'content',
      'Zixun offline-2',
    )
    await expect(page.locator('html')).toHaveAttribute(
      'data-version',
      'offline-2',
    )
    await expect(notice).toHaveCount(0)

    // The old tab still runs version 1; its article code, which the new
    // deployment no longer has, still loads.
    expect(await version(oldTab)).toBe('offline-1')
    const first = oldTab.getByRole('main').getByRole('heading', { level: 2 })
    const title = (await first.first().innerText()).trim()
    await first.first().getByRole('link').click()
    await expect(
      oldTab.getByRole('heading', { level: 1, name: title }),
    ).toBeVisible()
    expect(await version(oldTab)).toBe('offline-1')
    // Kept aside while version 2 installed: hosts that drop old files (or a
    // browser that dropped them from its HTTP cache) do not break the tab.
    const keptAside = await oldTab.evaluate(async () =>
      (await (await caches.open('zixun-previous-assets')).keys()).map(
        (request) => new URL(request.url).pathname,
      ),
    )
    expect(keptAside).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/assets\/article-detail-/),
      ]),
    )
  } finally {
    await server.deploy(site.v1)
    await context.close()
  }
})
