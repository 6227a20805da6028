import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { FeedHistory } from './cache/feed-history.ts'
import { FeedServer, serve } from './testing/feed-server.ts'
import { makeItems, rssFeed } from './testing/feed-texts.ts'
import { SubscriptionRun } from './testing/subscription-run.ts'

const SITE = 'https://crash.example/'
const FEEDS = 40
let server: FeedServer
let release: () => void = () => {}
const gate = new Promise<void>((resolve) => (release = resolve))
let round = 0

beforeAll(async () => {
  server = await FeedServer.start()
  for (let f = 0; f < FEEDS; f++) {
    server.route(`/feed-${f}.rss`, async (req, res) => {
      // Half the feeds hang until the test lets them go: the run is
      // killed with some feeds stored and others in flight.
      if (f % 2 === 1 && round === 0) await gate
      const items = makeItems(`f${f}`, 8, SITE, { first: 1 + round * 4 })
      serve({
        text: rssFeed(`Feed ${f}`, SITE, items),
        type: 'application/rss+xml',
      })(req, res)
    })
  }
})
afterAll(async () => {
  release()
  await server.close()
})

function spawnIngest(run: SubscriptionRun) {
  const child = spawn(
    process.execPath,
    [
      'scripts/ingest/bin.mjs',
      '--subscriptions',
      run.list,
      '--out',
      run.out,
      '--cache',
      run.cache,
      '--workers',
      '0',
      '--fetch-timeout',
      '2',
      '--per-host',
      String(FEEDS),
      '--fetch-concurrency',
      String(FEEDS),
    ],
    { cwd: join(import.meta.dirname, '../..'), stdio: 'ignore' },
  )
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => resolve(code)),
  )
  return { child, exited }
}

function storedTitles(run: SubscriptionRun): Set<string> {
  const titles = new Set<string>()
  const root = join(run.cache, 'subscriptions')
  for (const key of readdirSync(root).filter((n) => !n.endsWith('.json'))) {
    const history = FeedHistory.open(join(root, key))
    for (const path of history.segmentPaths()) {
      for (const line of readFileSync(path, 'utf8').split('\n').slice(1, -1)) {
        titles.add(
          String(
            (JSON.parse(line.split('\t')[3]) as { data: { title: string } })
              .data.title,
          ),
        )
      }
    }
  }
  return titles
}

test('a run killed with SIGKILL loses nothing stored and corrupts nothing; the next run completes the history', async () => {
  const run = new SubscriptionRun()
  try {
    run.writeList(
      Array.from({ length: FEEDS }, (_, f) => ({
        url: `${server.origin}/feed-${f}.rss`,
      })),
    )
    const first = spawnIngest(run)
    const root = join(run.cache, 'subscriptions')
    const saved = () =>
      existsSync(root)
        ? readdirSync(root).filter((n) =>
            existsSync(join(root, n, 'state.json')),
          ).length
        : 0
    // Every fast feed stored and its state saved, the slow ones asked and waiting.
    await expect.poll(saved, { timeout: 15_000, interval: 20 }).toBe(FEEDS / 2)
    await expect
      .poll(() => server.requests.length, { timeout: 5000, interval: 20 })
      .toBe(FEEDS)
    const before = storedTitles(run)
    expect(before.size).toBe((FEEDS / 2) * 8)
    first.child.kill('SIGKILL')
    expect(await first.exited).toBe(null)
    release()

    // New items appear; this run is killed at an arbitrary moment mid-work.
    round = 1
    const second = spawnIngest(run)
    await expect
      .poll(() => server.requests.length, { timeout: 15_000, interval: 5 })
      .toBeGreaterThan(FEEDS + FEEDS / 4)
    second.child.kill('SIGKILL')
    await second.exited
    const afterKill = storedTitles(run)
    for (const title of before) expect(afterKill.has(title)).toBe(true)

    const result = await run.run()
    const all = storedTitles(run)
    for (const title of afterKill) expect(all.has(title)).toBe(true)
    // Fast feeds: items 1–8 of the killed run and 5–12 after; slow ones
    // (never answered then): 5–12.
    const expected = (FEEDS / 2) * 12 + (FEEDS / 2) * 8
    expect(all.size).toBe(expected)
    expect(result.articles).toBe(expected)
    const leftovers = readdirSync(root, { recursive: true })
      .map(String)
      .filter((n) => n.includes('.tmp-'))
    expect(leftovers).toEqual([])
  } finally {
    run.remove()
  }
}, 30_000)
