import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeXML } from 'entities'
import type {
  Article,
  FeedHealth,
  IngestReport,
} from '../../../src/lib/article-schema.ts'
import { main, type MainResult } from '../main.ts'
import type { SubscribeOptions } from '../run/subscriptions/subscribe-options.ts'

/** A feed line of a test list: its URL, and optionally a folder path and attributes. */
export type ListedFeed = {
  url: string
  title?: string
  folder?: string[]
  attrs?: Record<string, string>
}

/** Short limits, so a test of a slow server takes well under 2 s. */
export const TEST_HTTP = {
  timeoutMs: 1500,
  connectTimeoutMs: 1000,
  retryAfterMaxMs: 300,
}

/** A temporary folder with a list, an output and a cache, and a way to run the ingest on them. */
export class SubscriptionRun {
  readonly dir = mkdtempSync(join(tmpdir(), 'zixun-subscribe-'))
  readonly list = join(this.dir, 'feeds.opml')
  readonly out = join(this.dir, 'out')
  readonly cache = join(this.dir, 'cache')

  /** Writes the list as OPML, each feed in its folder path. */
  writeList(feeds: ListedFeed[]): void {
    const outlines = feeds.map((feed) => {
      const attrs = Object.entries({
        text: feed.title ?? 'feed',
        ...(feed.title ? { title: feed.title } : {}),
        xmlUrl: feed.url,
        ...feed.attrs,
      })
        .map(([k, v]) => `${k}="${encodeXML(v)}"`)
        .join(' ')
      const open = (feed.folder ?? [])
        .map((f) => `<outline text="${encodeXML(f)}">`)
        .join('')
      const close = '</outline>'.repeat(feed.folder?.length ?? 0)
      return `    ${open}<outline type="rss" ${attrs}/>${close}`
    })
    writeFileSync(
      this.list,
      `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head><title>Test</title></head>\n  <body>\n${outlines.join('\n')}\n  </body>\n</opml>\n`,
    )
  }

  /** Runs main() on this folder's list (workers off: tests run many at once). */
  run(
    options: Partial<SubscribeOptions> = {},
    inputs: string[] = [],
  ): Promise<MainResult> {
    return main({
      inputs,
      outDir: this.out,
      cacheDir: this.cache,
      workers: 0,
      subscriptions: {
        list: this.list,
        allowPrivateUrls: true,
        ...options,
        http: { ...TEST_HTTP, ...options.http },
      },
    })
  }

  report(): IngestReport {
    return JSON.parse(
      readFileSync(join(this.out, 'ingest-report.json'), 'utf8'),
    ) as IngestReport
  }

  /** The health entry of the feed whose listed URL ends with `suffix`. */
  health(suffix: string): FeedHealth {
    const found = this.report().subscriptions?.find((h) =>
      h.feed.endsWith(suffix),
    )
    if (!found) throw new Error(`no feed ending with ${suffix} in the report`)
    return found
  }

  article(id: string): Article {
    return JSON.parse(
      readFileSync(join(this.out, 'articles', `${id}.json`), 'utf8'),
    ) as Article
  }

  /** Every article's title in the output's first list page(s). */
  titles(): string[] {
    const manifest = JSON.parse(
      readFileSync(join(this.out, 'manifest.json'), 'utf8'),
    ) as {
      all: { base: string; pages: number }
    }
    const titles: string[] = []
    for (let page = 1; page <= manifest.all.pages; page++) {
      const list = JSON.parse(
        readFileSync(
          join(this.out, `${manifest.all.base}${page}.json`),
          'utf8',
        ),
      ) as { items: Array<{ title: string }> }
      titles.push(...list.items.map((i) => i.title))
    }
    return titles.sort()
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}
