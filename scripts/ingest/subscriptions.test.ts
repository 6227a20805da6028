import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { FeedStatus } from '../../src/lib/article-schema.ts'
import {
  drip,
  FeedServer,
  huge,
  redirect,
  serve,
  status,
} from './testing/feed-server.ts'
import {
  atomFeed,
  homePage,
  jsonFeed,
  makeItems,
  rssFeed,
} from './testing/feed-texts.ts'
import { SubscriptionRun } from './testing/subscription-run.ts'

const SITE = 'https://news.example/'
const RSS = 'application/rss+xml'
let server: FeedServer

beforeAll(async () => {
  server = await FeedServer.start()
})
afterAll(() => server.close())

function feed(path: string, prefix: string, count = 3, type = RSS) {
  const text = rssFeed(`${prefix} feed`, SITE, makeItems(prefix, count, SITE))
  return server.route(path, serve({ text, type }))
}

test('each bad server behaviour ends in the report with its status, and every good feed is written', async () => {
  const good = [
    feed('/good.rss', 'good'),
    server.route(
      '/atom.xml',
      serve({
        text: atomFeed('Atom', SITE, makeItems('atom', 2, SITE)),
        type: 'application/atom+xml',
      }),
    ),
    server.route(
      '/feed-1.0.json',
      serve({
        text: jsonFeed('JF1', SITE, makeItems('jf10', 2, SITE), '1'),
        type: 'application/feed+json',
      }),
    ),
    server.route(
      '/feed-1.1.json',
      serve({
        text: jsonFeed('JF11', SITE, makeItems('jf11', 2, SITE)),
        type: 'application/feed+json',
      }),
    ),
    server.route(
      '/gzip.rss',
      serve(
        { text: rssFeed('gz', SITE, makeItems('gzip', 2, SITE)), type: RSS },
        { encoding: 'gzip' },
      ),
    ),
    server.route(
      '/br.rss',
      serve(
        { text: rssFeed('br', SITE, makeItems('brotli', 2, SITE)), type: RSS },
        { encoding: 'br' },
      ),
    ),
  ]
  const latin1 = rssFeed(
    'Latin',
    SITE,
    [{ ...makeItems('latin', 1, SITE)[0], title: 'Café crème' }],
    { encoding: 'ISO-8859-1' },
  )
  server.route(
    '/latin1.rss',
    serve({
      text: Buffer.from(latin1, 'latin1'),
      type: 'text/xml; charset=ISO-8859-1',
    }),
  )
  feed('/moved-final.rss', 'moved')
  server.route('/moved', redirect(301, '/moved-2'))
  server.route('/moved-2', redirect(308, '/moved-final.rss'))
  feed('/temp-final.rss', 'temp')
  server.route('/temp', redirect(302, '/temp-2'))
  server.route('/temp-2', redirect(307, '/temp-final.rss'))
  server.route('/loop-a', redirect(302, '/loop-b'))
  server.route('/loop-b', redirect(302, '/loop-a'))
  for (let i = 0; i < 6; i++)
    server.route(`/hop-${i}`, redirect(302, `/hop-${i + 1}`))
  feed('/hop-6', 'hops')
  server.route('/gone', status(410))
  server.route('/error', status(500))
  server.route('/busy', status(429, { 'retry-after': '3600' }))
  server.route('/drip', drip(100))
  server.route('/huge', huge(50 * 1024 * 1024))
  feed('/plain.rss', 'plain', 2, 'text/plain')
  server.route(
    '/image.png',
    serve({
      text: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      type: 'image/png',
    }),
  )
  feed('/site/feed.xml', 'discovered')
  server.route(
    '/site/',
    serve({ text: homePage('feed.xml'), type: 'text/html; charset=utf-8' }),
  )
  server.route(
    '/plain-site/',
    serve({
      text: '<!doctype html><html><head><title>x</title></head><body>no feed</body></html>',
      type: 'text/html',
    }),
  )
  server.route(
    '/invalid.xml',
    serve({ text: 'this is <<< not xml at all', type: RSS }),
  )
  server.route(
    '/truncated.xml',
    serve({
      text: rssFeed('cut', SITE, makeItems('cut', 2, SITE)).slice(0, -40),
      type: RSS,
    }),
  )
  const closed = await FeedServer.start()
  const refused = `${closed.origin}/feed.xml`
  await closed.close()
  const expected: Array<[string, FeedStatus, number | undefined, RegExp?]> = [
    ['/latin1.rss', 'fetched', 200],
    ['/moved', 'fetched', 200, /moved permanently \(HTTP 30[18]\)/],
    ['/temp', 'fetched', 200, /redirected \(HTTP 302\)/],
    ['/loop-a', 'failed', 302, /redirect loop/],
    ['/hop-0', 'failed', 302, /too many redirects \(more than 5\)/],
    ['/missing.rss', 'failed', 404, /HTTP 404/],
    ['/gone', 'failed', 410, /HTTP 410/],
    ['/error', 'failed', 500, /HTTP 500/],
    ['/busy', 'failed', 429, /HTTP 429/],
    ['/drip', 'failed', 200, /timed out/],
    ['/huge', 'failed', 200, /too large/],
    ['/plain.rss', 'fetched', 200, /served as text\/plain/],
    ['/image.png', 'failed', 200, /not a feed \(image\/png\)/],
    ['/site/', 'fetched', 200, /autodiscovery/],
    ['/plain-site/', 'failed', 200, /links no feed/],
    ['/invalid.xml', 'failed', 200, /invalid feed/],
    ['/truncated.xml', 'fetched', 200, /malformed XML/],
    [
      refused.replace(/^http:\/\/[^/]+/, ''),
      'failed',
      undefined,
      /connection refused/,
    ],
  ]
  const run = new SubscriptionRun()
  try {
    const urls = expected.map(([path]) =>
      path === '/feed.xml' ? refused : `${server.origin}${path}`,
    )
    run.writeList([...good, ...urls].map((url) => ({ url })))
    const started = performance.now()
    const result = await run.run()
    // The dripping server is cut off at the 1.5 s timeout, not the default 30 s.
    expect(performance.now() - started).toBeLessThan(15_000)
    for (const [path, want, http, reason] of expected) {
      const health = run.health(path === '/feed.xml' ? refused : path)
      expect({ path, status: health.status, http: health.http_status }).toEqual(
        { path, status: want, http },
      )
      if (reason)
        expect([health.reason, ...(health.notices ?? [])].join(' | ')).toMatch(
          reason,
        )
    }
    expect(run.health('/moved').moved_to).toBe(
      `${server.origin}/moved-final.rss`,
    )
    expect(run.health('/temp').moved_to).toBeUndefined()
    expect(run.health('/site/').discovered).toBe(
      `${server.origin}/site/feed.xml`,
    )
    expect(run.health('/busy').retry_after).toBeDefined()
    for (const url of good)
      expect(run.health(url.slice(server.origin.length)).status).toBe('fetched')
    // 6 good feeds (13 items), latin1 1, moved 3, temp 3, plain 2, discovered 3, truncated 2
    expect(result.articles).toBe(13 + 1 + 3 + 3 + 2 + 3 + 2)
    expect(run.titles()).toContain('Café crème')
    expect(run.titles().filter((t) => t.startsWith('brotli'))).toHaveLength(2)
    // Comment feeds and links outside <head> are not taken.
    expect(server.seen('/comments.xml')).toHaveLength(0)
  } finally {
    run.remove()
  }
}, 30_000)

test('a second run against unchanged feeds gets a 304 from every one and rewrites nothing', async () => {
  const urls = [
    feed('/same-1.rss', 'same1'),
    server.route(
      '/same-2.xml',
      serve({
        text: atomFeed('A', SITE, makeItems('same2', 2, SITE)),
        type: 'application/atom+xml',
      }),
    ),
    server.route(
      '/same-3.json',
      serve(
        {
          text: jsonFeed('J', SITE, makeItems('same3', 2, SITE)),
          type: 'application/feed+json',
        },
        { encoding: 'gzip' },
      ),
    ),
  ]
  const run = new SubscriptionRun()
  try {
    run.writeList(urls.map((url) => ({ url })))
    const first = await run.run()
    expect(first.articles).toBe(7)
    const store = join(run.cache, 'subscriptions')
    const stamps = () =>
      readdirSync(store, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => `${f} ${statSync(join(store, f)).mtimeMs}`)
    const before = stamps()
    const second = await run.run()
    expect(
      second.subscriptions?.health.map((h) => [h.status, h.http_status]),
    ).toEqual([
      ['not_modified', 304],
      ['not_modified', 304],
      ['not_modified', 304],
    ])
    // Only the report changes: it says what this run did.
    expect(second.files).toEqual({
      written: 1,
      unchanged: first.files.written - 1,
      removed: 0,
    })
    expect(stamps()).toEqual(before)
    expect(second.inputs).toEqual({ converted: 0, cached: 3 })
    const conditional = server.seen('/same-1.rss').at(-1)!.headers
    expect(conditional['if-none-match']).toMatch(/^"/)
    expect(conditional['if-modified-since']).toBe(
      'Mon, 01 Dec 2025 08:00:00 GMT',
    )
    expect(conditional['user-agent']).toMatch(/^Zixun\/\d+\.\d+\.\d+ \(.*\)/)
    expect(conditional['accept-encoding']).toMatch(/br/)
  } finally {
    run.remove()
  }
})

test('a feed whose items rotate keeps the union of every run, and a changed item is updated, not duplicated', async () => {
  let window = makeItems('rot', 5, SITE)
  const url = server.route(
    '/rotating.rss',
    serve(() => ({ text: rssFeed('Rotating', SITE, window), type: RSS })),
  )
  const run = new SubscriptionRun()
  try {
    run.writeList([{ url, title: '轮换源', folder: ['科技', '开源'] }])
    await run.run()
    window = makeItems('rot', 5, SITE, { first: 4 })
    window[0] = { ...window[0], title: 'rot 4, corrected' }
    const second = await run.run()
    expect(second.subscriptions?.health[0]).toMatchObject({
      new_items: 3,
      updated_items: 1,
      stored_items: 8,
    })
    window = makeItems('rot', 5, SITE, { first: 7 })
    const third = await run.run()
    expect(third.articles).toBe(11)
    const titles = run.titles()
    expect(titles).toHaveLength(11)
    expect(titles).toContain('rot 4, corrected')
    expect(titles.filter((t) => t.includes('第4条'))).toEqual([])
    const article = run.article(
      third.report.files.find((f) => f.status === 'written')!.id!,
    )
    expect(article._zixun.categories).toEqual([['科技', '开源']])
    expect(article._zixun.source).toBe('轮换源')
    expect(article.tags).toEqual(
      expect.arrayContaining(['科技', '开源', '新闻']),
    )
  } finally {
    run.remove()
  }
})

test('the same story in two feeds is one article; items that share a guid in two feeds are not', async () => {
  const story = (feedName: string) => ({
    id: '1',
    title: `Same story via ${feedName}`,
    link: `https://story.example/a?utm_source=${feedName}`,
    date: '2025-11-30T10:00:00Z',
    html: '<p>Same story</p>',
  })
  const other = (feedName: string) => ({
    id: '2',
    title: `Own story of ${feedName}`,
    link: `https://${feedName}.example/own`,
    date: '2025-11-29T10:00:00Z',
    html: '<p>Own</p>',
  })
  const a = server.route(
    '/dup-a.rss',
    serve({
      text: rssFeed('Feed A', SITE, [story('a'), other('a')]),
      type: RSS,
    }),
  )
  const b = server.route(
    '/dup-b.rss',
    serve({
      text: rssFeed('Feed B', SITE, [story('b'), other('b')]),
      type: RSS,
    }),
  )
  const run = new SubscriptionRun()
  try {
    run.writeList([{ url: a }, { url: b }])
    const result = await run.run()
    expect(result.articles).toBe(3)
    expect(result.report.counts.merged).toBe(1)
    expect(run.titles().filter((t) => t.startsWith('Own story'))).toHaveLength(
      2,
    )
  } finally {
    run.remove()
  }
})

test('credentials in a feed URL are sent to its server and appear nowhere in the report or output', async () => {
  server.route('/private.rss', (req, res) => {
    const auth = req.headers.authorization
    if (auth !== `Basic ${Buffer.from('reader:s3cret').toString('base64')}`) {
      res.writeHead(401).end()
      return
    }
    serve({
      text: rssFeed('Private', SITE, makeItems('priv', 1, SITE)),
      type: RSS,
    })(req, res)
  })
  const url =
    server.origin.replace('http://', 'http://reader:s3cret@') +
    '/private.rss?token=t0ken&page=1'
  const run = new SubscriptionRun()
  try {
    run.writeList([{ url }])
    const result = await run.run()
    expect(result.articles).toBe(1)
    const text = JSON.stringify(run.report())
    expect(text).not.toMatch(/s3cret|t0ken|reader:/)
    expect(run.health('/private.rss?token=***&page=1').feed).toBe(
      `http://***@${server.origin.slice(7)}/private.rss?token=***&page=1`,
    )
  } finally {
    run.remove()
  }
})
