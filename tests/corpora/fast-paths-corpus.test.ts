import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { checkFastPaths } from '../../scripts/ingest/testing/fast-path-checks.ts'
import { requireSharedData } from '../../scripts/shared-data.ts'

const { posts: POSTS_DIR } = requireSharedData()

test('the ingest fast paths give what their references give on the 40 shared posts', () => {
  const posts = readdirSync(POSTS_DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({
      name,
      text: readFileSync(path.join(POSTS_DIR, name), 'utf8'),
    }))
  const report = checkFastPaths(posts)
  expect(report.mismatches).toEqual([])
  expect(report.posts).toBe(40)
  expect(report.simpleYaml).toBeGreaterThan(0)
  expect(report.cuts).toBeGreaterThan(40 * 100)
  console.log(
    `fast paths over the shared posts: simple YAML answered ${report.simpleYaml} of ${report.posts} front matters, ${report.cuts} cuts, ${report.pages} pages`,
  )
})
