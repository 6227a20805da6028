import path from 'node:path'
import type { Page } from '@playwright/test'
import type { XssCaseSet, XssPost } from '../../../scripts/e2e/xss-corpus'
import { e2eOrigins } from '../../../scripts/e2e/ports'
import type { Article } from '../../../src/lib/article-schema'
import { expect, test } from '../support/fixtures'
import {
  batchesOf,
  checkArticles,
  expectClean,
  readXssData,
  summarise,
} from '../support/xss-checks'
import { installXssDetectors } from '../support/xss-detectors'

const BATCHES = 4
const origin = e2eOrigins.xss

/**
 * The second half of the XSS journey: the payloads of `set`, raw (as they
 * were before the ingest), served as article JSON to a copy of the app
 * whose index.html has NO CSP, so only the browser sanitiser stands
 * between them and execution.
 */
export function sanitiserJourney(set: XssCaseSet, posts: XssPost[]) {
  test.describe('sanitiser alone: raw payloads, no CSP, no ingest', () => {
    // The page's routes below replace the document and the article data;
    // a service worker would answer both from its own caches, which page
    // routes never see (the CSP would come back from its precache).
    test.use({ serviceWorkers: 'block' })
    const RAW_PREFIX = 'raw-'

    /** Serves index.html without its CSP and any raw-* article from the plan. */
    async function serveRaw(page: Page) {
      const template = readXssData<Article>(
        set,
        `articles/${posts[0].slug}.json`,
      )
      const bySlug = new Map(posts.map((p) => [`${RAW_PREFIX}${p.id}`, p]))
      await page.route(
        (url) =>
          url.origin === origin &&
          !url.pathname.startsWith('/data/') &&
          !url.pathname.startsWith('/assets/'),
        async (route) => {
          if (route.request().resourceType() !== 'document') {
            return route.fallback()
          }
          const response = await route.fetch()
          const html = await response.text()
          const stripped = html.replace(
            /<meta http-equiv="Content-Security-Policy"[^>]*>/,
            '',
          )
          expect(stripped, 'the CSP meta tag was found').not.toBe(html)
          await route.fulfill({ response, body: stripped })
        },
      )
      await page.route(
        `${origin}/data/articles/${RAW_PREFIX}*.json`,
        (route) => {
          const slug = path.basename(
            new URL(route.request().url()).pathname,
            '.json',
          )
          const post = bySlug.get(slug)
          if (!post) return route.fulfill({ status: 404 })
          const article: Article = {
            ...template,
            id: slug,
            url: `/a/${slug}`,
            title: `Raw ${post.id}.`,
            content_html: post.payload,
          }
          return route.fulfill({ json: article })
        },
      )
    }

    batchesOf(posts, BATCHES).forEach((batch, index) => {
      const name = `raw ${index + 1}/${BATCHES} (${batch[0].id} … ${batch.at(-1)!.id}) run no script`
      test(name, async ({ page, context }) => {
        test.setTimeout(90_000)
        const log = await installXssDetectors(context, page, origin, set)
        await serveRaw(page)
        const checks = await checkArticles(
          page,
          log,
          batch.map((post) => ({
            slug: RAW_PREFIX + post.id,
            label: `raw ${post.id}`,
            title: `Raw ${post.id}.`,
            how: 'app',
          })),
        )
        const counts = summarise(log)
        console.log(
          `xss ${name}: ${checks.length} articles, ${counts.executions} executions, ${counts.canaryRequests} canary requests, ${counts.offsiteRequests} off-site script/document requests, ${checks.filter((c) => c.residue.length).length} with residue`,
        )
        expectClean(log, checks)
      })
    })
  })
}
