/**
 * The first load of `/` stays within its budget (scripts/hosting/first-load.ts),
 * measured from the build manifest of the e2e production build, and the
 * prerendered home page preloads exactly that code — nothing more.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { e2eDirs } from '../../scripts/e2e/corpora'
import {
  FIRST_LOAD_BUDGET,
  measureFirstLoad,
} from '../../scripts/hosting/first-load'
import { expect, test } from './support/fixtures'

const { dist } = e2eDirs('demo')

test('JS and CSS for / are within the budget (gzip)', async () => {
  const size = await measureFirstLoad(dist)
  const report = size.files.map(({ file, gzip }) => `${gzip} ${file}`)
  console.log(`first load of /: JS ${size.js} B, CSS ${size.css} B gzip`)
  expect(size.js, report.join('\n')).toBeLessThanOrEqual(FIRST_LOAD_BUDGET.js)
  expect(size.css, report.join('\n')).toBeLessThanOrEqual(FIRST_LOAD_BUDGET.css)
})

test('the home page loads that code up front (its hints once it has painted), and only that', async () => {
  const size = await measureFirstLoad(dist)
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  const linked = [
    ...html.matchAll(
      /<(?:script type="module"|link (?:rel|data-after-paint)="(?:modulepreload|stylesheet)")[^>]*(?:src|href)="\/([^"]+)"/g,
    ),
  ].map((match) => match[1])
  expect(linked.sort()).toEqual(size.files.map(({ file }) => file).sort())
})
