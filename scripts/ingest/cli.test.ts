import { spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { IngestReport } from '../../src/lib/article-schema.ts'
import { runCli } from './cli.ts'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zixun-cli-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function post(name: string, text: string): void {
  const path = join(dir, 'posts', name)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
}

const GOOD =
  "\n---\ntitle: 'Good'\ncategories: \n - A\n - B\nauthor: me\ndate: Thu, 29 Apr 2021 14:14:00 GMT\n---\n\n<div>Hello</div>\n"

async function run(...args: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const cache = ['--cache', join(dir, 'cache')]
  const code = await runCli([...args, ...cache], {
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
  })
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

function report(): IngestReport {
  return JSON.parse(
    readFileSync(join(dir, 'out', 'ingest-report.json'), 'utf8'),
  ) as IngestReport
}

test('writes good posts, reports the bad one on stderr and in the report, exits 0', async () => {
  post('good.md', GOOD)
  post('sub/bad.md', '---\ntitle: [unclosed\ndate: x\n---\nbody')
  const { code, stdout, stderr } = await run(
    '--input',
    join(dir, 'posts'),
    '--out',
    join(dir, 'out'),
  )
  expect(code).toBe(0)
  expect(stdout).toMatch(/^Wrote 1 articles in 2 categories/)
  expect(stderr).toMatch(/rejected: .*sub\/bad\.md:3: YAML front matter/)
  expect(report().counts).toEqual({
    written: 1,
    merged: 0,
    rejected: 1,
    skipped: 0,
  })
  expect(report().files.map((f) => [f.file, f.status])).toEqual([
    ['good.md', 'written'],
    ['sub/bad.md', 'rejected'],
  ])
})

test('--strict exits 1 when a file is rejected', async () => {
  post('good.md', GOOD)
  post('empty.md', '')
  const { code } = await run(
    '--strict',
    '-i',
    join(dir, 'posts'),
    '-o',
    join(dir, 'out'),
  )
  expect(code).toBe(1)
  expect(report().files.find((f) => f.file.endsWith('empty.md'))?.reason).toBe(
    'empty file',
  )
})

test('exits 1 when nothing could be written', async () => {
  post('bad.md', '---\ntitle: x\n')
  const { code } = await run('-i', join(dir, 'posts'), '-o', join(dir, 'out'))
  expect(code).toBe(1)
})

test.each([
  ['no --input', () => []],
  ['a missing input', () => ['-i', join(dir, 'nope')]],
  [
    'an input with no posts',
    () => (mkdirSync(join(dir, 'posts')), ['-i', join(dir, 'posts')]),
  ],
  ['an unknown option', () => ['--frobnicate']],
  [
    'a bad --workers',
    () => (
      post('good.md', GOOD),
      ['-i', join(dir, 'posts'), '--workers', 'two']
    ),
  ],
  [
    'an unknown time zone',
    () => (
      post('good.md', GOOD),
      ['-i', join(dir, 'posts'), '--timezone', 'Mars/Base']
    ),
  ],
  [
    'an output that is not writable',
    () => (
      post('good.md', GOOD),
      writeFileSync(join(dir, 'file'), ''),
      ['-i', join(dir, 'posts'), '-o', join(dir, 'file', 'out')]
    ),
  ],
])('exits 2 with a one-line message for %s', async (_name, args) => {
  const argv = args()
  const { code, stderr } = await run(
    ...argv,
    ...(argv.includes('-o') ? [] : ['-o', join(dir, 'out')]),
  )
  expect(code).toBe(2)
  expect(stderr.split('\n')[0]).toMatch(/^ingest: /)
})

test('--help prints the usage', async () => {
  const { code, stdout } = await run('--help')
  expect(code).toBe(0)
  expect(stdout).toContain('--input')
  expect(stdout).toContain('Exit codes')
})

const bin = join(import.meta.dirname, 'bin.mjs')

function runBin(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
}

test(
  'the real process (bin.mjs, the bundled CLI) exits with the code runCli returns',
  { timeout: 60_000 },
  () => {
    post('good.md', GOOD)
    const out = ['-o', join(dir, 'out'), '--cache', join(dir, 'c')]
    const ok = runBin('-i', join(dir, 'posts'), ...out)
    expect(ok.stdout).toMatch(/^Wrote 1 articles/)
    expect(ok.status).toBe(0)
    const fail = runBin('-i', join(dir, 'missing'))
    expect(fail.status).toBe(2)
    expect(fail.stderr).toMatch(/ingest: input not found/)
  },
)

test(
  'bin.mjs runs the bundled worker threads and prints --timings',
  { timeout: 60_000 },
  () => {
    for (let i = 0; i < 80; i++) {
      post(
        `p${i}.md`,
        GOOD.replace("'Good'", `'Good ${i}'`).replace('Hello', `Hello ${i}`),
      )
    }
    const args = ['-i', join(dir, 'posts'), '-o', join(dir, 'out')]
    const result = runBin(
      ...args,
      '--cache',
      join(dir, 'c'),
      '--workers',
      '2',
      '--timings',
    )
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(
      /^Wrote 80 articles .* 80 written, 0 merged, 0 rejected/,
    )
    expect(result.stdout).toMatch(
      /\nPhases: discover \d+ ms, convert [\d,]+ ms, lists [\d,]+ ms, search [\d,]+ ms, cleanup [\d,]+ ms; peak memory [1-9]\d* MiB$/m,
    )
    expect(report().counts).toEqual({
      written: 80,
      merged: 0,
      rejected: 0,
      skipped: 0,
    })
    const again = runBin(...args, '--cache', join(dir, 'c'))
    expect(again.stdout).toMatch(/files 0 written, \d+ unchanged, 0 removed/)
  },
)
