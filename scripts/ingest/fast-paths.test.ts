import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { generateDemoCorpus } from '../demo/generate.ts'
import { checkFastPaths, type PostText } from './testing/fast-path-checks.ts'

// The hand-made fast paths (simple-yaml.ts in front of yaml, isPlain in
// front of Intl.Segmenter, renderPage's assembly from item bytes) against
// their references on the generated demo corpus; tests/corpora runs the
// same checks over the shared posts.
let dir: string
let posts: PostText[]

// Our own hard cases, beside the demo posts: every kind of character the
// fast path must leave to the Segmenter, at every cut.
const HARD = [
  '👩‍👩‍👧‍👦 家庭 🇨🇳🇯🇵 旗 ❤️ 心 👍🏽 赞',
  'Cafe\u0301 na\u0308ive 각 \u1100\u1161\u11a8 जावास्क्रिप्ट ภาษาไทย',
  'か\u3099き\u309a 漢\ufe00字 a\u20dd x\u200dy',
].map((line, i) => ({
  name: `hard-${i}.md`,
  text: `---\ntitle: hard ${i}\ndate: 2024-01-01\n---\n<p>${line.repeat(12)}</p>\n`,
}))

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zixun-fast-paths-'))
  await generateDemoCorpus({ count: 150, outDir: dir })
  const names = (await readdir(dir, { recursive: true }))
    .filter((name) => name.endsWith('.md'))
    .sort()
  posts = await Promise.all(
    names.map(async (name) => ({
      name,
      text: await readFile(path.join(dir, name), 'utf8'),
    })),
  )
})

afterAll(() => rm(dir, { recursive: true, force: true }))

test('each fast path gives what its reference gives on the demo corpus, and is the path taken', () => {
  const report = checkFastPaths([...posts, ...HARD])
  expect(report.mismatches).toEqual([])
  expect(posts.length).toBe(150)
  expect(report.simpleYaml).toBeGreaterThan(0.9 * posts.length)
  expect(report.cuts).toBeGreaterThan(100 * posts.length)
  expect(report.pages).toBe(Math.ceil((posts.length + HARD.length) / 24))
  // CPU-bound: ~1 s alone, several beside the other suites on two busy cores.
}, 30_000)
