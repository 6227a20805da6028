/**
 * Issue 4, proof 2: XSS payloads through the real reader in Chromium.
 *
 * 1. Corpus journey: scripts/e2e/serve-xss.ts wrote one Hexo post per
 *    payload of the set (`own`: Zixun's payloads, in `npm run test:e2e`;
 *    `all`: DOMPurify's 223 fixtures too, in `npm run test:corpora`),
 *    ingested them and serves the production build (CSP and Trusted Types
 *    on). Every article is opened by its URL, every page of `/` and of each
 *    XSS category is loaded and read.
 * 2. Sanitiser alone (xss-sanitiser.ts): the same payloads, raw (as they
 *    were before the ingest), served as article JSON to a copy of the app
 *    whose index.html has NO CSP, so only the browser sanitiser stands
 *    between them and execution.
 * The detector self-test (tests/e2e/xss-self-test.spec.ts) proves the
 * detectors can fail. Detection: support/xss-detectors.ts.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
  planXssPosts,
  readXssCases,
  xssDirs,
  type XssCaseSet,
} from '../../../scripts/e2e/xss-corpus'
import { e2eOrigins } from '../../../scripts/e2e/ports'
import type {
  CategoryNode,
  IngestReport,
  ListRef,
  Manifest,
} from '../../../src/lib/article-schema'
import { expect, test } from '../support/fixtures'
import {
  APP_ICON,
  APP_SEARCH_FORM,
  BOOT_SCRIPT_SRC,
  batchesOf,
  checkArticles,
  expectClean,
  readXssData,
  summarise,
} from '../support/xss-checks'
import { installXssDetectors } from '../support/xss-detectors'
import { readWholeList } from '../support/xss-lists'
import { sanitiserJourney } from './xss-sanitiser'

const BATCHES = 4
const origin = e2eOrigins.xss

/** Both halves of the XSS journey over the payloads of `set`. */
export function xssJourney(set: XssCaseSet) {
  test.use({ baseURL: origin })
  const posts = planXssPosts(readXssCases(set))

  test.describe('XSS corpus through the production build (CSP on)', () => {
    test('the ingest wrote every payload post, or refused it with a reason', () => {
      const report = readXssData<IngestReport>(set, 'ingest-report.json')
      const byFile = new Map(
        report.files.map((entry) => [path.basename(entry.file), entry]),
      )
      const missing = posts.filter((post) => !byFile.has(post.file))
      expect(missing.map((post) => post.file)).toEqual([])
      for (const post of posts) {
        const entry = byFile.get(post.file)!
        if (entry.status === 'written') expect(entry.id).toBe(post.slug)
        else expect(entry.reason, post.file).toBeTruthy()
      }
      const refused = posts.filter(
        (p) => byFile.get(p.file)?.status !== 'written',
      )
      console.log(
        `xss corpus: ${posts.length} payloads (${posts.filter((p) => p.source === 'DOMPurify').length} DOMPurify, ${posts.filter((p) => p.source === 'Zixun').length} Zixun), ${posts.length - refused.length} articles written; refused by the ingest: ${refused.map((p) => `${p.id} (${byFile.get(p.file)?.reason})`).join(', ') || 'none'}`,
      )
    })

    batchesOf(posts, BATCHES).forEach((batch, index) => {
      const name = `articles ${index + 1}/${BATCHES} (${batch[0].id} … ${batch.at(-1)!.id}) run no script`
      test(name, async ({ page, context }) => {
        test.setTimeout(90_000)
        const written = new Set(
          readXssData<IngestReport>(set, 'ingest-report.json')
            .files.filter((entry) => entry.status === 'written')
            .map((entry) => entry.id),
        )
        const log = await installXssDetectors(context, page, origin, set)
        // Every 8th article is a cold page load (its prerendered page), the
        // others go through the router; every title starts with `XSS <id> `.
        const checks = await checkArticles(
          page,
          log,
          batch
            .filter((post) => written.has(post.slug))
            .map((post, i) => ({
              slug: post.slug,
              label: post.id,
              title: `XSS ${post.id} `,
              how: i % 8 === 0 ? 'load' : 'app',
            })),
        )
        const counts = summarise(log)
        console.log(
          `xss ${name}: ${checks.length} articles, ${checks.reduce((n, c) => n + c.elements, 0)} elements fired at, ${counts.executions} executions, ${counts.canaryRequests} canary requests, ${counts.offsiteRequests} off-site script/document requests, ${counts.cspReports} CSP reports, ${checks.filter((c) => c.residue.length).length} with residue`,
        )
        expectClean(log, checks)
      })
    })

    test('prerendered article and list pages hold the payloads as escaped text only', async ({
      page,
    }) => {
      const written = readXssData<IngestReport>(set, 'ingest-report.json')
        .files.filter((entry) => entry.status === 'written')
        .map((entry) => entry.id!)
      const { dist } = xssDirs(set)
      const read = (file: string) => readFileSync(path.join(dist, file), 'utf8')
      const pages = written.map((id) => ({
        id,
        list: false,
        html: read(path.join('a', id, 'index.html')),
      }))
      // The first screens of / and of the categories (titles, summaries,
      // category names and thumbnails of the payload articles).
      const lists = readdirSync(dist, { recursive: true, encoding: 'utf8' })
        .filter((file) => /^(index\.html|c[/\\].*index\.html)$/.test(file))
        .map((file) => ({ id: file, list: true, html: read(file) }))
      expect(lists.length).toBeGreaterThan(1)
      pages.push(...lists)
      // Parsed inertly in a page without a CSP, so parsing reports nothing.
      await page.goto('about:blank')
      const problems = await page.evaluate(
        ({ pages, appSearchForm, appIcon, bootSrc }) => {
          const found: string[] = []
          const forbidden = new Set([
            ...['iframe', 'frame', 'object', 'embed', 'base', 'form', 'svg'],
            ...['math', 'template', 'style', 'img', 'video', 'audio'],
          ])
          for (const { id, list, html } of pages) {
            const doc = new DOMParser().parseFromString(html, 'text/html')
            const first = doc.head.firstElementChild
            if (
              first?.getAttribute('http-equiv') !== 'Content-Security-Policy'
            ) {
              found.push(`${id}: the CSP meta tag is not first in <head>`)
            }
            for (const script of doc.querySelectorAll('script')) {
              const type = script.getAttribute('type')
              const src = script.getAttribute('src') ?? ''
              if (type === 'application/ld+json') {
                try {
                  JSON.parse(script.textContent ?? '')
                } catch {
                  found.push(`${id}: JSON-LD is not JSON`)
                }
              } else if (type === null && new RegExp(bootSrc).test(src)) {
                // The boot script: theme and type before the first paint.
              } else if (
                type !== 'module' ||
                !/^\/assets\/[\w.-]+\.js$/.test(src)
              ) {
                found.push(`${id}: ${script.outerHTML.slice(0, 200)}`)
              }
            }
            if (doc.querySelector('meta[http-equiv="refresh" i]')) {
              found.push(`${id}: meta refresh`)
            }
            for (const el of doc.querySelectorAll('*')) {
              // Cards show thumbnails (their URLs are checked below).
              const thumbnail =
                list && ['img', 'picture', 'source'].includes(el.localName)
              const ours = el.matches(appSearchForm) || el.matches(appIcon)
              if (forbidden.has(el.localName) && !thumbnail && !ours)
                found.push(`${id}: <${el.localName}>`)
              for (const { name, value } of el.attributes) {
                if (/^on|^srcdoc$|^style$/i.test(name)) {
                  found.push(`${id}: ${name} on <${el.localName}>`)
                }
                // eslint-disable-next-line no-control-regex
                const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase()
                if (/^(?:javascript|vbscript|data):/.test(url)) {
                  found.push(`${id}: ${name}="${value.slice(0, 80)}"`)
                }
              }
            }
            // A list's heading holds its count; an article's only text.
            const heading = doc.querySelector('h1')
            if (!list && heading && heading.childElementCount > 0) {
              found.push(`${id}: markup in the headline`)
            }
          }
          return found
        },
        {
          pages,
          appSearchForm: APP_SEARCH_FORM,
          appIcon: APP_ICON,
          bootSrc: BOOT_SCRIPT_SRC.source,
        },
      )
      console.log(
        `xss prerendered: ${pages.length - lists.length} article and ${lists.length} list pages parsed, ${problems.length} problems`,
      )
      expect(problems).toEqual([])
    })

    test('every list page of / and of the XSS categories shows text only', async ({
      page,
      context,
    }) => {
      test.setTimeout(90_000)
      const manifest = readXssData<Manifest>(set, 'manifest.json')
      const lists: Array<{ href: string; list: ListRef }> = [
        { href: '/', list: manifest.all },
      ]
      const walk = (nodes: CategoryNode[]) => {
        for (const node of nodes) {
          if (node.path[0] !== 'XSS') continue
          lists.push({
            href: `/c/${node.path.map(encodeURIComponent).join('/')}`,
            list: node,
          })
          walk(node.children)
        }
      }
      walk(manifest.categories)
      expect(lists.length).toBeGreaterThanOrEqual(4)
      const log = await installXssDetectors(context, page, origin, set)
      // A tall window: the windowed list renders more cards per step.
      await page.setViewportSize({ width: 1280, height: 3000 })
      const loadedPages = new Set<string>()
      page.on('response', (response) => {
        const url = new URL(response.url())
        if (url.pathname.startsWith('/data/') && response.ok()) {
          loadedPages.add(url.pathname.slice('/data/'.length))
        }
      })
      let pagesOpened = 0
      const problems = new Set<string>()
      for (const { href, list } of lists) {
        log.subject = `list ${decodeURIComponent(href)}`
        await page.goto(href, { waitUntil: 'domcontentloaded' })
        const seen = await readWholeList(
          page,
          problems,
          log.subject,
          list.count,
        )
        expect(seen.size, `${href} shows all its articles`).toBe(list.count)
        for (let n = 1; n <= list.pages; n++) {
          expect(loadedPages, `${href} page ${n}`).toContain(
            `${list.base}${n}.json`,
          )
        }
        pagesOpened += list.pages
      }
      const counts = summarise(log)
      console.log(
        `xss lists: ${lists.length} lists, ${pagesOpened} list pages opened, ${counts.executions} executions, ${counts.canaryRequests} canary requests, ${counts.cspReports} CSP reports, ${problems.size} markup problems`,
      )
      expectClean(log, [])
      expect([...problems]).toEqual([])
    })
  })
  sanitiserJourney(set, posts)
}
