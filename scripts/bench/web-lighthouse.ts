/**
 * What bench:web asks Lighthouse 12 (mobile, simulated throttling: the
 * defaults): one cold navigation per fresh Chromium, and the flow
 * home → category → article as a user flow (a navigation, then one
 * timespan per click).
 */
import lighthouse, { startFlow } from 'lighthouse'
import type { Result } from 'lighthouse'
import { launchColdChromium, withColdBrowser } from './web-chromium.ts'

/** The figures of one cold load. */
export type ColdRun = {
  score: number
  fcp: number
  lcp: number
  tbt: number
  cls: number
  si: number
  /** Bytes transferred, and of them JavaScript. */
  bytes: number
  jsBytes: number
  requests: number
  /** Lighthouse's back/forward cache audit passed. */
  bfcache: boolean
  /** Blocking after FCP in Chromium really slowed 4× (web-throttled.ts; NaN: not measured). */
  blocking4x: number
}

/** The figures of the flow's two in-app steps (timespans). */
export type FlowRun = {
  home: ColdRun
  toCategory: StepRun
  toArticle: StepRun
}

export type StepRun = { inp: number; tbt: number; cls: number; ms: number }

const audit = (result: Result, id: string) =>
  result.audits[id]?.numericValue ?? Number.NaN

function coldFigures(result: Result): ColdRun {
  const summary = result.audits['resource-summary']?.details
  const items =
    summary && 'items' in summary
      ? (summary.items as {
          resourceType: string
          transferSize: number
          requestCount: number
        }[])
      : []
  const of = (type: string) => items.find((item) => item.resourceType === type)
  return {
    score: result.categories.performance?.score ?? Number.NaN,
    fcp: audit(result, 'first-contentful-paint'),
    lcp: audit(result, 'largest-contentful-paint'),
    tbt: audit(result, 'total-blocking-time'),
    cls: audit(result, 'cumulative-layout-shift'),
    si: audit(result, 'speed-index'),
    bytes: of('total')?.transferSize ?? Number.NaN,
    jsBytes: of('script')?.transferSize ?? Number.NaN,
    requests: of('total')?.requestCount ?? Number.NaN,
    bfcache: result.audits['bf-cache']?.score === 1,
    blocking4x: Number.NaN,
  }
}

/** One cold load of `url` in a new Chromium with an empty profile. */
export async function runCold(url: string, port: number): Promise<ColdRun> {
  const chromium = await launchColdChromium(port)
  try {
    const runner = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    })
    if (!runner)
      throw new Error(`bench:web: Lighthouse gave nothing for ${url}`)
    const { runtimeError } = runner.lhr
    if (runtimeError)
      throw new Error(`bench:web: ${url}: ${runtimeError.message}`)
    return coldFigures(runner.lhr)
  } finally {
    await chromium.close()
  }
}

/** Where the flow clicks, and the heading each click shows (CSS selectors). */
export type FlowPlan = {
  home: string
  /** What opens the tree where it is folded (phones), if shown. */
  categoryOpener: string
  /** The category's link in the tree, and its list's heading. */
  categoryLink: string
  categoryHeading: string
  /** The first card's title link, and the article's heading. */
  articleLink: string
  articleHeading: string
}

function stepFigures(result: Result, ms: number): StepRun {
  return {
    inp: audit(result, 'interaction-to-next-paint'),
    tbt: audit(result, 'total-blocking-time'),
    cls: audit(result, 'cumulative-layout-shift'),
    ms,
  }
}

/**
 * The flow in a cold Chromium: load home (a navigation), click a category
 * in the tree, then the first card of that list (a timespan each; `ms` is
 * click → the heading in the DOM, under Lighthouse's throttling).
 */
export function runFlow(plan: FlowPlan, port: number): Promise<FlowRun> {
  return withColdBrowser(port, async (browser) => {
    const page = await browser.newPage()
    const flow = await startFlow(page, {
      flags: { onlyCategories: ['performance'], logLevel: 'error' },
    })
    await flow.navigate(plan.home)
    const step = async (link: string, heading: string, opener?: string) => {
      await flow.startTimespan()
      const started = Date.now()
      const folded = opener ? await page.$(opener) : null
      if (folded && (await folded.isVisible())) await folded.click()
      await page.click(link)
      await page.waitForSelector(heading)
      const ms = Date.now() - started
      await page.evaluate(
        () =>
          new Promise((resolve) =>
            requestAnimationFrame(() => setTimeout(resolve, 500)),
          ),
      )
      await flow.endTimespan()
      return ms
    }
    const categoryMs = await step(
      plan.categoryLink,
      plan.categoryHeading,
      plan.categoryOpener,
    )
    const articleMs = await step(plan.articleLink, plan.articleHeading)
    const { steps } = await flow.createFlowResult()
    const [home, toCategory, toArticle] = steps.map((s) => s.lhr)
    return {
      home: coldFigures(home),
      toCategory: stepFigures(toCategory, categoryMs),
      toArticle: stepFigures(toArticle, articleMs),
    }
  })
}
