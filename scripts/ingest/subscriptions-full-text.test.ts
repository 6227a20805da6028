import { afterAll, beforeAll, expect, test } from 'vitest'
import { FeedServer, serve } from './testing/feed-server.ts'
import { rssFeed, type TestItem } from './testing/feed-texts.ts'
import { SubscriptionRun } from './testing/subscription-run.ts'

let server: FeedServer
let items: TestItem[]

const PARAGRAPH =
  '<p>这是正文的一段，足够长，让提取器认出它是文章的主体。The main text of the article goes on for a while, so that the extractor recognises it as the body of the page.</p>'

beforeAll(async () => {
  server = await FeedServer.start()
  const page = (n: number) =>
    `<!doctype html><html><head><title>Page ${n}</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Story ${n}</h1>${PARAGRAPH.repeat(6)}<p><img src="img/${n}.png" alt=""> <a href="../more">more</a></p>
<script>document.title = 'ran'</script></article>
<footer>© footer text</footer></body></html>`
  for (const n of [1, 2, 3])
    server.route(
      `/articles/${n}.html`,
      serve({ text: page(n), type: 'text/html; charset=utf-8' }),
    )
  items = [1, 2, 3, 4].map((n) => ({
    id: `ft-${n}`,
    title: `Story ${n}`,
    link: `${server.origin}/articles/${n}.html`,
    date: `2025-11-2${n}T10:00:00Z`,
    html: `<p>Summary ${n} only.</p>`,
  }))
  server.route(
    '/summaries.rss',
    serve({
      text: rssFeed('Summaries', server.origin, items),
      type: 'application/rss+xml',
    }),
  )
})
afterAll(() => server.close())

function bodies(
  run: SubscriptionRun,
  result: Awaited<ReturnType<SubscriptionRun['run']>>,
) {
  return new Map(
    result.report.files
      .filter((f) => f.status === 'written')
      .map((f) => {
        const article = run.article(f.id!)
        return [article.title, article.content_html]
      }),
  )
}

test('fullText feeds get the main text of each article page, within --full-text-limit, and never run it', async () => {
  const run = new SubscriptionRun()
  try {
    run.writeList([
      {
        url: `${server.origin}/summaries.rss`,
        attrs: { 'zixun:fullText': 'true' },
      },
    ])
    const first = await run.run({ fullTextLimit: 3 })
    expect(first.subscriptions?.health[0].full_text).toEqual({
      fetched: 3,
      failed: 0,
    })
    const body = bodies(run, first)
    expect(body.get('Story 1')).toContain('这是正文的一段')
    expect(body.get('Story 1')).toContain(
      `src="${server.origin}/articles/img/1.png"`,
    )
    expect(body.get('Story 1')).not.toMatch(/<script|footer text|About/)
    // Story 4 was past the limit this run: it keeps its summary.
    expect(body.get('Story 4')).toBe('<p>Summary 4 only.</p>')
    const second = await run.run({ fullTextLimit: 3 })
    // Unchanged feed: nothing asked again.
    expect(second.subscriptions?.health[0].status).toBe('not_modified')
    expect(server.seen('/articles/1.html')).toHaveLength(1)
  } finally {
    run.remove()
  }
})

test('article pages on private addresses are refused unless --allow-private-urls is given', async () => {
  const run = new SubscriptionRun()
  try {
    run.writeList([
      {
        url: `${server.origin}/summaries.rss`,
        attrs: { 'zixun:fullText': 'true' },
      },
    ])
    const requests = server.requests.length
    const result = await run.run({ allowPrivateUrls: false })
    const health = result.subscriptions?.health[0]
    expect(health).toMatchObject({
      status: 'fetched',
      full_text: { fetched: 0, failed: 4 },
    })
    expect(health?.notices).toContain(
      'full text not had for 4 items (refused: 127.0.0.1 is a private address)',
    )
    // Only the feed itself was asked (the list is trusted; what is inside a feed is not).
    expect(server.requests.length).toBe(requests + 1)
    expect(bodies(run, result).get('Story 1')).toBe('<p>Summary 1 only.</p>')
  } finally {
    run.remove()
  }
})
