import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { runCli } from './cli.ts'
import { readOpml } from './read/subscriptions/read-opml.ts'
import { FeedServer, redirect, serve, status } from './testing/feed-server.ts'
import { homePage, makeItems, rssFeed } from './testing/feed-texts.ts'
import { SubscriptionRun } from './testing/subscription-run.ts'

const SITE = 'https://news.example/'
const RSS = 'application/rss+xml'
let server: FeedServer
let run: SubscriptionRun

beforeAll(async () => {
  server = await FeedServer.start()
})
afterAll(() => server.close())
afterEach(() => run?.remove())

function feed(path: string, prefix: string, count = 2) {
  return server.route(
    path,
    serve({
      text: rssFeed(`${prefix} feed`, SITE, makeItems(prefix, count, SITE)),
      type: RSS,
    }),
  )
}

async function cli(...args: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await runCli(
    [
      ...args,
      '--out',
      run.out,
      '--cache',
      run.cache,
      '--workers',
      '0',
      '--allow-private-urls',
      '--fetch-timeout',
      '1.5',
      '--retry-after-max',
      '0.3',
    ],
    { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) },
  )
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

test('exit codes: 2 for a list that is not valid, 1 when no feed could be read and nothing is stored, 0 when some failed or all were unchanged', async () => {
  run = new SubscriptionRun()
  writeFileSync(
    run.list,
    '<opml><body><outline text="x" xmlUrl="nope"/></body></opml>',
  )
  const invalid = await cli('--subscriptions', run.list)
  expect(invalid.code).toBe(2)
  expect(invalid.stderr).toMatch(
    /feeds\.opml is not valid:\n {2}line 1: xmlUrl is not an http\(s\) URL/,
  )

  const flaky = server.route(
    '/flaky.rss',
    serve({
      text: rssFeed('Flaky', SITE, makeItems('flaky', 2, SITE)),
      type: RSS,
    }),
  )
  run.writeList([{ url: `${server.origin}/nothing-here.rss` }])
  const none = await cli('--subscriptions', run.list)
  expect(none.code).toBe(1)
  expect(none.stderr).toMatch(
    /no feed could be read and there is no stored history/,
  )
  expect(none.stdout).toMatch(
    /failed +404 .*nothing-here\.rss>: HTTP 404 Not Found/,
  )

  run.writeList([{ url: flaky }, { url: `${server.origin}/nothing-here.rss` }])
  const some = await cli('--subscriptions', run.list)
  expect(some.code).toBe(0)
  expect(some.stderr).toMatch(
    /1 of 2 feeds failed this run; their stored items were kept/,
  )

  server.route('/flaky.rss', status(503))
  const stored = await cli('--subscriptions', run.list)
  expect(stored.code).toBe(0)
  expect(stored.stdout).toMatch(/^Wrote 2 articles/m)

  feed('/flaky.rss', 'flaky')
  run.writeList([{ url: flaky }])
  await cli('--subscriptions', run.list)
  const unchanged = await cli('--subscriptions', run.list)
  expect(unchanged.code).toBe(0)
  expect(unchanged.stdout).toMatch(
    /0 fetched \(0 new items\), 1 not modified, 0 failed/,
  )
  expect(unchanged.stderr).toBe('')
})

test('a Retry-After within the cap is waited for once; a longer one is honoured by not asking again until then', async () => {
  let asked = 0
  const short = server.route('/short-wait.rss', (req, res) => {
    if (asked++ === 0)
      return void res.writeHead(429, { 'retry-after': '0' }).end()
    serve({
      text: rssFeed('Short', SITE, makeItems('short', 1, SITE)),
      type: RSS,
    })(req, res)
  })
  const long = server.route(
    '/long-wait.rss',
    status(503, { 'retry-after': '7200' }),
  )
  run = new SubscriptionRun()
  run.writeList([{ url: short }, { url: long }])
  const first = await run.run()
  expect(
    first.subscriptions?.health.map((h) => [h.status, h.http_status]),
  ).toEqual([
    ['fetched', 200],
    ['failed', 503],
  ])
  expect(server.seen('/short-wait.rss')).toHaveLength(2)
  const second = await run.run()
  expect(second.subscriptions?.health[1]).toMatchObject({
    status: 'skipped',
    reason: 'the server asked to wait (Retry-After)',
  })
  expect(server.seen('/long-wait.rss')).toHaveLength(1)
  const later = await run.run({ now: () => Date.now() + 3 * 3_600_000 })
  expect(later.subscriptions?.health[1]).toMatchObject({
    status: 'failed',
    consecutive_failures: 2,
  })
})

test('--export-opml writes the list with permanent redirects and discovered feeds applied, without fetching', async () => {
  feed('/new-home.rss', 'moved')
  const moved = server.route('/old-home.rss', redirect(301, '/new-home.rss'))
  feed('/blog/feed.xml', 'blog')
  const site = server.route(
    '/blog/',
    serve({ text: homePage('/blog/feed.xml'), type: 'text/html' }),
  )
  const plain = feed('/plain.rss', 'plain')
  run = new SubscriptionRun()
  run.writeList([
    {
      url: moved,
      title: 'Moved',
      folder: ['科技'],
      attrs: { 'zixun:maxItems': '50' },
    },
    { url: site, title: 'Blog' },
    { url: plain, title: 'Plain' },
  ])
  const fetchRun = await cli('--subscriptions', run.list)
  expect(fetchRun.stdout).toMatch(
    /moved permanently \(HTTP 301\) to .*new-home\.rss: update the list/,
  )
  const requests = server.requests.length
  const out = join(run.dir, 'exported.opml')
  const exported = await cli('--export-opml', out)
  expect(exported).toMatchObject({
    code: 0,
    stdout: `Wrote 3 feeds to ${out} (2 with a new URL learned from redirects or autodiscovery)`,
  })
  expect(server.requests.length).toBe(requests)
  const { list } = readOpml(readFileSync(out, 'utf8'))
  expect(list.feeds).toEqual([
    {
      url: `${server.origin}/new-home.rss`,
      title: 'Moved',
      category: ['科技'],
      options: { maxItems: 50 },
    },
    {
      url: `${server.origin}/blog/feed.xml`,
      title: 'Blog',
      siteUrl: site,
      category: [],
      options: {},
    },
    { url: plain, title: 'Plain', category: [], options: {} },
  ])
  // The next run asks the new addresses directly.
  await cli('--subscriptions', run.list)
  expect(server.seen('/old-home.rss')).toHaveLength(1)
  expect(server.seen('/blog/')).toHaveLength(1)
})

test('retention: --keep-days drops old items from the history, and per feed maxItems keeps the newest', async () => {
  const now = Date.UTC(2025, 10, 30, 12)
  const oldAndNew = makeItems('aged', 6, SITE, { start: now }).map(
    (item, i) => ({
      ...item,
      date: new Date(now - i * 10 * 86_400_000).toISOString(),
    }),
  )
  const aged = server.route(
    '/aged.rss',
    serve({ text: rssFeed('Aged', SITE, oldAndNew), type: RSS }),
  )
  const capped = feed('/capped.rss', 'capped', 5)
  run = new SubscriptionRun()
  run.writeList([
    { url: aged },
    { url: capped, attrs: { 'zixun:maxItems': '3' } },
  ])
  const result = await run.run({ keepDays: 25, now: () => now })
  expect(result.subscriptions?.health.map((h) => h.stored_items)).toEqual([
    3, 3,
  ])
  expect(run.titles().filter((t) => t.startsWith('capped'))).toEqual([
    'capped 第1条 & item 1',
    'capped 第2条 & item 2',
    'capped 第3条 & item 3',
  ])
})
