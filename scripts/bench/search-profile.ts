/**
 * `npm run bench:search-profile -- --data <ingest output> --app <vite build> --q 'word,词语'`
 * Not a test. Where the warm search time goes: for each query, a fresh
 * page of the built reader over an ingested corpus (served by nginx like
 * `bench:search`), a warm-up query, then the query itself under the V8
 * sampling profiler (CDP). Prints the time from the debounced query to
 * the results painted and the profile's samples in that window by chunk
 * (search engine, React, sanitizer, …) and the top functions by self time.
 */
import { rmSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../chromium.ts'
import { painted } from './search/browser.ts'
import { serveWithNginx } from './search/serve.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    app: { type: 'string' },
    q: { type: 'string' },
    port: { type: 'string', default: '4435' },
    top: { type: 'string', default: '15' },
    /** The profiler's sampling interval in µs: larger costs the page less (closer to bench:search). */
    interval: { type: 'string', default: '100' },
    /** Without the service worker: what it costs on the way to every file. */
    'no-sw': { type: 'boolean', default: false },
  },
})
if (!values.data || !values.app || !values.q)
  throw new Error('usage: --data <ingest output> --app <built app> --q a,b')

type Node = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
type Profile = {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
}

function chunkOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)'
  const file = url.split('/').at(-1) ?? url
  return file.replace(/-[\w-]{8}\.js$/, '.js')
}

/** Self time (ms) by chunk and by function, over the whole profile. */
function summarise(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const chunks = new Map<string, number>()
  const fns = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const chunk = chunkOf(url, functionName)
    chunks.set(chunk, (chunks.get(chunk) ?? 0) + ms)
    const fn = `${functionName || '(anonymous)'} ${chunk}:${lineNumber}`
    fns.set(fn, (fns.get(fn) ?? 0) + ms)
  })
  const sorted = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1])
  return { chunks: sorted(chunks), fns: sorted(fns) }
}

const app = path.resolve(values.app)
rmSync(path.join(app, 'data'), { recursive: true, force: true })
symlinkSync(path.resolve(values.data), path.join(app, 'data'))
const served = await serveWithNginx(app, Number(values.port), 'zixun')
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  for (const q of values.q.split(',')) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: values['no-sw'] ? 'block' : 'allow',
    })
    const page = await context.newPage()
    // First the query cold (files into the HTTP cache), then warm.
    await page.goto(`${served.origin}/`)
    await page.getByRole('searchbox').fill(q)
    await painted(page, q)
    await page.goto(`${served.origin}/`)
    await page.getByRole('searchbox').fill('zzwarmupzz')
    await painted(page, 'zzwarmupzz')
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', {
      interval: Number(values.interval),
    })
    await cdp.send('Profiler.start')
    await page.getByRole('searchbox').fill(q)
    const ms = await painted(page, q)
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: Profile
    }
    // The files the query fetched, relative to its mark: when, how long, from where.
    const files = await page.evaluate((query) => {
      const mark = performance
        .getEntriesByName('zixun:search-query')
        .filter((m) => (m as PerformanceMark).detail === query)
        .at(-1)!.startTime
      return performance
        .getEntriesByType('resource')
        .filter((r) => r.startTime >= mark)
        .map((r) => {
          const e = r as PerformanceResourceTiming
          return [
            e.name.replace(/^.*?\/data\//, ''),
            Math.round(e.startTime - mark),
            Math.round(e.duration),
            e.workerStart > 0 ? 'sw' : e.transferSize === 0 ? 'cache' : 'net',
          ].join(' ')
        })
    }, q)
    const requests = files.length
    // The phases, from the debounced query: engine called, hits known, articles read, painted.
    const phases = await page.evaluate((query) => {
      // No named arrow functions in here: tsx would wrap them in a helper the page lacks.
      const times: Record<string, number[]> = {}
      for (const name of ['query', 'engine', 'hits', 'results', 'painted'])
        times[name] = performance
          .getEntriesByName(`zixun:search-${name}`)
          .filter((m) => (m as PerformanceMark).detail === query)
          .map((m) => m.startTime)
      const start = times.query.at(-1)!
      return ['engine', 'hits', 'results', 'painted']
        .map((name) => {
          const after = times[name].find((t) => t >= start)
          return after === undefined
            ? ''
            : `${name} +${Math.round(after - start)}`
        })
        .join(', ')
    }, q)
    const { chunks, fns } = summarise(profile)
    console.log(
      `\n## ${q}: ${ms.toFixed(1)} ms to painted (${requests} files fetched)`,
    )
    const fmt = ([k, v]: [string, number]) =>
      `  ${v.toFixed(1).padStart(7)} ms  ${k}`
    console.log(`phases (first of each after the query, ms): ${phases}`)
    console.log('by chunk (whole profile, includes the 200 ms debounce idle):')
    console.log(chunks.slice(0, 10).map(fmt).join('\n'))
    console.log('files (start ms after the mark, duration ms, from):')
    console.log(files.map((f) => `  ${f}`).join('\n'))
    console.log('top functions (self):')
    console.log(fns.slice(0, Number(values.top)).map(fmt).join('\n'))
    await context.close()
  }
} finally {
  await browser.close()
  await served.stop()
  rmSync(path.join(app, 'data'), { force: true })
}
