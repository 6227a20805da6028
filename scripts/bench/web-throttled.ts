/**
 * A second figure for blocking, beside Lighthouse's: the page loaded in a
 * cold Chromium that is really slowed 4× (DevTools CPU throttling, the
 * phone's viewport Lighthouse emulates), the browser's own long tasks
 * after first contentful paint summed as TBT is (each task's time over
 * 50 ms). Lighthouse instead multiplies the wall time of the tasks it
 * saw unthrottled by 4, so on two shared cores, with its own process
 * tracing beside Chromium, its TBT swings by hundreds of milliseconds
 * between runs of the same page (BENCHMARKS.md, 2026-12-02).
 */
import { withColdBrowser } from './web-chromium.ts'

/** Lighthouse 12's mobile screen (a Moto G Power). */
const PHONE = {
  width: 412,
  height: 823,
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
}
/** The page is done once no long task has started for this long. */
const QUIET_MS = 3000
/** At most this long after `load`, whatever the page does. */
const LONGEST_MS = 15_000

type Seen = { fcp: number | undefined; tasks: Array<[number, number]> }

/** Blocking after FCP, in ms, of one cold load of `url` at 4× CPU slowdown. */
export function blockingAt4x(url: string, port: number): Promise<number> {
  return withColdBrowser(port, async (browser) => {
    const page = await browser.newPage()
    await page.setViewport(PHONE)
    const cdp = await page.createCDPSession()
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.evaluateOnNewDocument(() => {
      const seen: Seen = { fcp: undefined, tasks: [] }
      Object.assign(window, { __zixunSeen: seen })
      new PerformanceObserver((list) => {
        for (const task of list.getEntries())
          seen.tasks.push([task.startTime, task.duration])
      }).observe({ type: 'longtask', buffered: true })
      new PerformanceObserver((list) => {
        for (const paint of list.getEntries())
          if (paint.name === 'first-contentful-paint')
            seen.fcp = paint.startTime
      }).observe({ type: 'paint', buffered: true })
    })
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForFunction(
      (quiet: number) => {
        const { tasks } = (window as unknown as { __zixunSeen: Seen })
          .__zixunSeen
        const last = tasks.at(-1)
        const end = last ? last[0] + last[1] : 0
        return performance.now() - end > quiet
      },
      { timeout: LONGEST_MS, polling: 250 },
      QUIET_MS,
    )
    const { fcp, tasks } = await page.evaluate(
      () => (window as unknown as { __zixunSeen: Seen }).__zixunSeen,
    )
    if (fcp === undefined)
      throw new Error(`bench:web: no first contentful paint on ${url}`)
    return blockingAfter(fcp, tasks)
  })
}

/**
 * TBT's sum over long tasks `[start, duration]`, as Lighthouse counts it:
 * each task's part after `fcp`, less 50 ms.
 */
export function blockingAfter(
  fcp: number,
  tasks: ReadonlyArray<readonly [number, number]>,
): number {
  let total = 0
  for (const [start, duration] of tasks) {
    const end = start + duration
    if (end <= fcp) continue
    total += Math.max(0, end - Math.max(start, fcp) - 50)
  }
  return total
}
