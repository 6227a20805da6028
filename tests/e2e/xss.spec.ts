/**
 * Issue 4, proof 2: the XSS payloads through the real reader in Chromium.
 *
 * 1. Corpus journey: scripts/e2e/serve-xss.ts wrote one Hexo post per
 *    payload (DOMPurify's 223 fixtures, read from ../shared at test time,
 *    plus ours), ingested them and serves the production build (CSP and
 *    Trusted Types on) on :4176. Every article is opened by its URL, every
 *    page of `/` and of each XSS category is loaded and read.
 * 2. Sanitiser alone: the same payloads, raw (as they were before the
 *    ingest), served as article JSON to a copy of the app whose index.html
 *    has NO CSP, so only the browser sanitiser stands between them and
 *    execution.
 * 3. Detector self-test: known-executing markup inserted with innerHTML
 *    (no sanitiser, no CSP) must trip every detector, so the harness can
 *    fail.
 *
 * Detection follows ../shared/xss/BROWSER-TEST-METHOD.md (support/xss-detectors.ts).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { planXssPosts, xssDirs } from '../../scripts/e2e/xss-corpus'
import { CANARY_HOST, SELF_TEST_PAYLOADS } from '../../scripts/e2e/xss-payloads'
import type {
  Article,
  CategoryNode,
  IngestReport,
  ListRef,
  Manifest,
} from '../../src/lib/article-schema'
import { expect, test } from './support/fixtures'
import {
  describeFindings,
  EXECUTION_KINDS,
  fireSyntheticEvents,
  installXssDetectors,
  scanResidue,
  type Finding,
  type XssLog,
} from './support/xss-detectors'

const XSS_PORT = Number(process.env.E2E_XSS_PORT ?? 4176)
const origin = `http://127.0.0.1:${XSS_PORT}`
test.use({ baseURL: origin })

/** Read from ../shared now: one planned post per payload. */
const posts = planXssPosts()
const BATCHES = 4

/** Everything that fails the journey: execution, exfiltration, CSP report. */
const FAILING: Finding['kind'][] = [
  ...EXECUTION_KINDS,
  'canary-request',
  'offsite-request',
  'csp',
]

function readData<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(xssDirs.data, file), 'utf8')) as T
}

function batchesOf<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count)
  return Array.from({ length: count }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )
}

/**
 * Elements outside the article body are the app's own: titles, summaries,
 * authors and category names there must be text. Lists what is not.
 */
async function chromeResidue(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const forbidden = new Set(
      [
        ...['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'MATH', 'STYLE', 'LINK'],
        ...['META', 'BASE', 'FORM', 'TEMPLATE', 'FRAME', 'PORTAL'],
      ].map((tag) => tag.toLowerCase()),
    )
    const problems: string[] = []
    const textOnly = [
      '.article-header h1',
      '.card-title a',
      '.card-summary',
      '.card-source',
      '.byline-author',
      '.byline-source',
      '.category-links a',
      '.breadcrumb a',
      '.neighbour-title',
    ]
    for (const selector of textOnly) {
      for (const el of document.querySelectorAll(selector)) {
        if (el.childElementCount > 0 && !el.closest('.article-body')) {
          problems.push(`markup inside ${selector}: ${el.innerHTML}`)
        }
      }
    }
    // A list's heading: its name as text, then the count.
    for (const el of document.querySelectorAll('.list-title')) {
      const extra = [...el.children].filter((c) => !c.matches('span.count'))
      if (extra.length > 0)
        problems.push(`markup in .list-title: ${el.innerHTML}`)
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('.article-body')) continue
      if (forbidden.has(el.localName)) problems.push(`<${el.localName}>`)
      for (const { name } of el.attributes) {
        if (/^on/i.test(name)) problems.push(`${name} on <${el.localName}>`)
      }
    }
    return problems
  })
}

type ArticleCheck = {
  slug: string
  elements: number
  residue: string[]
}

type Opening = {
  slug: string
  label: string
  /** The article's heading starts with this once it has rendered. */
  title: string
  /**
   * `load`: a fresh page load of the URL. `app`: the same URL reached
   * through the app's router (history.pushState + popstate), much faster
   * on a loaded machine; used when the previous article rendered cleanly.
   */
  how: 'load' | 'app'
}

/**
 * Opens one article at its URL, waits for it (or the route's error view),
 * fires events at every element of its body and scans what rendered.
 */
async function checkArticle(
  page: Page,
  log: XssLog,
  { slug, label, title, how }: Opening,
): Promise<ArticleCheck> {
  log.subject = label
  const href = `/a/${slug}`
  if (how === 'load') {
    // One retry: under load the preview server has failed a request.
    await page
      .goto(href, { waitUntil: 'domcontentloaded' })
      .catch(() => page.goto(href, { waitUntil: 'domcontentloaded' }))
  } else {
    await page.evaluate((href) => {
      history.pushState(null, '', href)
      dispatchEvent(new PopStateEvent('popstate'))
    }, href)
  }
  const state = await page
    .waitForFunction(
      (title) => {
        const heading = document.querySelector('.article-header h1')
        const body = document.querySelector('.article-body')
        const prerendered =
          body &&
          [...body.children].some((part) => '__zixunPrerendered' in part)
        if (heading?.textContent?.startsWith(title) && body && !prerendered) {
          return 'article'
        }
        const alert = document.querySelector('main [role="alert"]')
        return alert && !heading ? alert.textContent : false
      },
      title,
      { timeout: 20_000 },
    )
    .then((handle) => handle.jsonValue())
    .catch(async (error: Error) => {
      if (how === 'app') return 'retry'
      const seen = await page
        .evaluate(() => ({
          path: location.pathname,
          heading: document.querySelector('h1')?.textContent,
          prerendered: [...document.querySelectorAll('.article-body > *')].map(
            (part) => '__zixunPrerendered' in part,
          ),
        }))
        .catch(() => null)
      return `not rendered (${error.message.split('\n')[0]}): ${JSON.stringify(seen)}`
    })
  if (state === 'retry') {
    return checkArticle(page, log, { slug, label, title, how: 'load' })
  }
  if (state !== 'article') {
    return {
      slug,
      elements: 0,
      residue: [`the article view failed: ${String(state)}`],
    }
  }
  const elements = await fireSyntheticEvents(page, '.article-body')
  const residue = [
    ...((await scanResidue(page, '.article-body')) ?? ['no article body']),
    ...(await chromeResidue(page)),
  ]
  expect(new URL(page.url()).pathname, `${label} stayed on its page`).toBe(href)
  return { slug, elements, residue }
}

/** Checks `openings` in order, reloading after any article that failed. */
async function checkArticles(
  page: Page,
  log: XssLog,
  openings: Opening[],
): Promise<ArticleCheck[]> {
  const checks: ArticleCheck[] = []
  for (const opening of openings) {
    const previous = checks.at(-1)
    const reload = !previous || previous.residue.length > 0
    const check = await checkArticle(page, log, {
      ...opening,
      how: reload ? 'load' : opening.how,
    })
    checks.push(check)
  }
  return checks
}

function summarise(log: XssLog) {
  return {
    executions: log.of(...EXECUTION_KINDS).length,
    canaryRequests: log.of('canary-request').length,
    offsiteRequests: log.of('offsite-request').length,
    cspReports: log.of('csp').length,
    externalOk: log.externalOk,
  }
}

/** One assertion listing every finding and every residue, by payload. */
function expectClean(log: XssLog, checks: ArticleCheck[]) {
  const failing = log.findings.filter((f) => FAILING.includes(f.kind))
  const problems = [
    ...describeFindings(failing).split('\n').filter(Boolean),
    ...checks
      .filter((c) => c.residue.length > 0)
      .map((c) => `${c.slug}: ${c.residue.join('; ')}`),
  ]
  expect(problems).toEqual([])
}

test.describe('XSS corpus through the production build (CSP on)', () => {
  test('the ingest wrote every payload post, or refused it with a reason', () => {
    const report = readData<IngestReport>('ingest-report.json')
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
        readData<IngestReport>('ingest-report.json')
          .files.filter((entry) => entry.status === 'written')
          .map((entry) => entry.id),
      )
      const log = await installXssDetectors(context, page, origin)
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

  test('prerendered article pages hold the payloads as escaped text only', async ({
    page,
  }) => {
    const written = readData<IngestReport>('ingest-report.json')
      .files.filter((entry) => entry.status === 'written')
      .map((entry) => entry.id!)
    const pages = written.map((id) => ({
      id,
      html: readFileSync(
        path.join(xssDirs.dist, 'a', id, 'index.html'),
        'utf8',
      ),
    }))
    // Parsed inertly in a page without a CSP, so parsing reports nothing.
    await page.goto('about:blank')
    const problems = await page.evaluate((pages) => {
      const found: string[] = []
      const forbidden = new Set([
        ...['iframe', 'frame', 'object', 'embed', 'base', 'form', 'svg'],
        ...['math', 'template', 'style', 'img', 'video', 'audio'],
      ])
      for (const { id, html } of pages) {
        const doc = new DOMParser().parseFromString(html, 'text/html')
        const first = doc.head.firstElementChild
        if (first?.getAttribute('http-equiv') !== 'Content-Security-Policy') {
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
          if (forbidden.has(el.localName))
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
        const heading = doc.querySelector('h1')
        if (heading && heading.childElementCount > 0) {
          found.push(`${id}: markup in the headline`)
        }
      }
      return found
    }, pages)
    console.log(
      `xss prerendered: ${pages.length} article pages parsed, ${problems.length} problems`,
    )
    expect(problems).toEqual([])
  })

  test('every list page of / and of the XSS categories shows text only', async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000)
    const manifest = readData<Manifest>('manifest.json')
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
    const log = await installXssDetectors(context, page, origin)
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
      const seen = await readWholeList(page, problems, log.subject, list.count)
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

/**
 * Scrolls the (windowed) list to its end, loading every page, and checks
 * each rendered card as it passes. Returns the article links seen.
 */
async function readWholeList(
  page: Page,
  problems: Set<string>,
  subject: string,
  count: number,
): Promise<Set<string>> {
  const seen = new Set<string>()
  await expect(page.locator('.article-list')).toBeAttached()
  const collect = async () => {
    const hrefs = await page
      .locator('.article-list .card-title a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    for (const href of hrefs) seen.add(href)
    for (const problem of await chromeResidue(page)) {
      problems.add(`${subject}: ${problem}`)
    }
  }
  // Down to the end (loading every page), then once more from the top when
  // rows were re-measured under the scroll and some were skipped.
  for (let sweep = 0; sweep < 2 && seen.size < count; sweep++) {
    await page.evaluate(() => window.scrollTo(0, 0))
    for (let step = 0; ; step++) {
      if (step > 2000) throw new Error(`${subject}: the list never ended`)
      await collect()
      const state = await page.evaluate(() => {
        const bottom =
          window.scrollY + window.innerHeight >=
          document.documentElement.scrollHeight - 2
        const end = document.querySelector('.list-end')
        if (!bottom) window.scrollBy(0, window.innerHeight * 0.5)
        return { bottom, more: !!end?.querySelector('button'), end: !!end }
      })
      if (state.bottom && state.end && !state.more) break
      if (state.bottom && state.more) {
        await page
          .locator('.list-end button')
          .click({ timeout: 2000 })
          .catch(() => {})
      }
      await page.waitForTimeout(25)
    }
    await page.waitForTimeout(50)
    await collect()
  }
  return seen
}

test.describe('sanitiser alone: raw payloads, no CSP, no ingest', () => {
  const RAW_PREFIX = 'raw-'

  /** Serves index.html without its CSP and any raw-* article from the plan. */
  async function serveRaw(page: Page) {
    const template = readData<Article>(`articles/${posts[0].slug}.json`)
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
    await page.route(`${origin}/data/articles/${RAW_PREFIX}*.json`, (route) => {
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
    })
  }

  batchesOf(posts, BATCHES).forEach((batch, index) => {
    const name = `raw ${index + 1}/${BATCHES} (${batch[0].id} … ${batch.at(-1)!.id}) run no script`
    test(name, async ({ page, context }) => {
      test.setTimeout(90_000)
      const log = await installXssDetectors(context, page, origin)
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

test('detector self-test: unsanitised markup trips every detector', async ({
  page,
  context,
  cspViolations,
}) => {
  const log = await installXssDetectors(context, page, origin)
  const bare = (csp?: string) =>
    `<!doctype html><html><head>${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}<title>self-test</title></head><body><div class="article-body"></div></body></html>`
  await page.route(`${origin}/__xss-self-test`, (route) =>
    route.fulfill({ contentType: 'text/html', body: bare() }),
  )
  await page.route(`${origin}/__xss-self-test-csp`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: bare("default-src 'self'; style-src 'self'"),
    }),
  )

  // Without sanitiser and CSP, straight into innerHTML.
  log.subject = 'self-test'
  await page.goto('/__xss-self-test')
  const { navigation, popup, ...rest } = SELF_TEST_PAYLOADS
  await page.evaluate((html) => {
    document.querySelector('.article-body')!.innerHTML = html
  }, Object.values(rest).join('\n'))
  await fireSyntheticEvents(page, '.article-body', 300)
  const residue = (await scanResidue(page, '.article-body')) ?? []
  await expect
    .poll(() => log.of('canary-request').map((f) => f.detail))
    .toContainEqual(expect.stringContaining(`${CANARY_HOST}/self-request`))
  const details = (kind: Finding['kind']) => log.of(kind).map((f) => f.detail)
  expect(details('alert').join()).toContain('self-alert')
  expect(details('canary').join()).toContain('self-canary')
  expect(details('canary').join()).toContain('self-mouseover')
  expect(details('pageerror').join()).toContain('self-pageerror')
  expect(details('offsite-request').join()).toContain(
    'script https://offsite.invalid/self-script.js',
  )
  expect(details('websocket').join()).toContain(
    'offsite.invalid/self-websocket',
  )

  // A popup, opened by a handler on a real click.
  await page.goto('/__xss-self-test')
  await page.evaluate((html) => {
    document.querySelector('.article-body')!.innerHTML = html
  }, popup)
  await page.locator('#self-popup').click()
  await expect
    .poll(() => details('popup').join())
    .toContain('offsite.invalid/self-popup')
  // The srcdoc frame's alert: our hook if it ran there, else a dialog.
  expect([...details('alert'), ...details('dialog')].join()).toContain(
    'self-frame',
  )
  expect(residue.join()).toContain('handler onerror')
  expect(residue.join()).toContain('attribute srcdoc')

  // A dialog from a frame the hooks never reached.
  await page.evaluate(() => {
    const frame = document.createElement('iframe')
    document.body.append(frame)
    const native = Object.getOwnPropertyDescriptor(
      Object.getPrototypeOf(frame.contentWindow),
      'alert',
    )?.value as ((m: string) => void) | undefined
    ;(native ?? frame.contentWindow!.alert).call(
      frame.contentWindow,
      'self-dialog',
    )
  })
  await expect
    .poll(() => details('dialog').join() + details('alert').join())
    .toContain('self-dialog')

  // A CSP report: an inline style under a policy without 'unsafe-inline'.
  await page.goto('/__xss-self-test-csp')
  await page.evaluate(() => {
    document.querySelector('.article-body')!.innerHTML =
      '<p style="color: red">styled</p>'
  })
  await expect.poll(() => log.of('csp').length).toBeGreaterThan(0)
  await expect.poll(() => cspViolations.seen.length).toBeGreaterThan(0)
  const provoked = cspViolations.take()
  expect(provoked.map((v) => v.detail).join()).toContain('style-src')

  // Navigation away from the app.
  await page.goto('/__xss-self-test')
  await page.evaluate((html) => {
    document.querySelector('.article-body')!.innerHTML = html
  }, navigation)
  await expect
    .poll(() => details('navigation').join())
    .toContain(`${CANARY_HOST}/self-navigation`)

  // A real dialog, which no hook can answer: beforeunload (after a user
  // gesture). page.on('dialog') catches it as it catches frame dialogs.
  await page.goto('/__xss-self-test')
  await page.mouse.click(5, 5)
  await page.evaluate(() => {
    window.addEventListener('beforeunload', (event) => event.preventDefault())
  })
  await page.close({ runBeforeUnload: true })
  await expect.poll(() => details('dialog').join()).toContain('beforeunload')

  const counts = Object.fromEntries(
    FAILING.map((kind) => [kind, log.of(kind).length]),
  )
  console.log(
    `xss self-test: detections ${JSON.stringify(counts)}, residue ${residue.length}, CSP watcher ${provoked.length}`,
  )
})
