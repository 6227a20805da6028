import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { xssDirs, type XssCaseSet } from '../../../scripts/e2e/xss-corpus'
import { expect } from './fixtures'
import {
  describeFindings,
  EXECUTION_KINDS,
  fireSyntheticEvents,
  scanResidue,
  type Finding,
  type XssLog,
} from './xss-detectors'

/** Everything that fails the journey: execution, exfiltration, CSP report. */
export const FAILING: Finding['kind'][] = [
  ...EXECUTION_KINDS,
  'canary-request',
  'offsite-request',
  'csp',
]

/** A file of the XSS build's data. */
export function readXssData<T>(set: XssCaseSet, file: string): T {
  return JSON.parse(
    readFileSync(path.join(xssDirs(set).data, file), 'utf8'),
  ) as T
}

/** `items` in `count` batches of (nearly) the same size. */
export function batchesOf<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count)
  return Array.from({ length: count }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )
}

/** The header's own search form: the app's, the one form a page may hold. */
export const APP_SEARCH_FORM = 'header form.search-form[role="search"]'

/**
 * Elements outside the article body are the app's own: titles, summaries,
 * authors and category names there must be text. Lists what is not.
 */
export async function chromeResidue(page: Page): Promise<string[]> {
  return page.evaluate((appSearchForm) => {
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
      const ownSearch = el.matches(appSearchForm)
      if (forbidden.has(el.localName) && !ownSearch) {
        problems.push(`<${el.localName}>`)
      }
      for (const { name } of el.attributes) {
        if (/^on/i.test(name)) problems.push(`${name} on <${el.localName}>`)
      }
    }
    return problems
  }, APP_SEARCH_FORM)
}

export type ArticleCheck = {
  slug: string
  elements: number
  residue: string[]
}

export type Opening = {
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
export async function checkArticle(
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
export async function checkArticles(
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

/** Counts of what the detectors saw, for the log line of a test. */
export function summarise(log: XssLog) {
  return {
    executions: log.of(...EXECUTION_KINDS).length,
    canaryRequests: log.of('canary-request').length,
    offsiteRequests: log.of('offsite-request').length,
    cspReports: log.of('csp').length,
    externalOk: log.externalOk,
  }
}

/** One assertion listing every finding and every residue, by payload. */
export function expectClean(log: XssLog, checks: ArticleCheck[]) {
  const failing = log.findings.filter((f) => FAILING.includes(f.kind))
  const problems = [
    ...describeFindings(failing).split('\n').filter(Boolean),
    ...checks
      .filter((c) => c.residue.length > 0)
      .map((c) => `${c.slug}: ${c.residue.join('; ')}`),
  ]
  expect(problems).toEqual([])
}
