import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { parseCliArgs } from './cli.ts'
import {
  imageOptionsFrom,
  subscribeOptionsFrom,
} from './run/subscriptions/subscribe-args.ts'
import { ZIXUN_VERSION } from './shared/version.ts'

const root = join(import.meta.dirname, '../..')
const deploy = join(root, 'deploy')
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
).scripts

const examples = [
  ...readdirSync(join(deploy, 'github-actions')).map((f) =>
    join(deploy, 'github-actions', f),
  ),
  ...readdirSync(join(deploy, 'server')).map((f) => join(deploy, 'server', f)),
]

/** Every `npm run <script> -- <args>` in a file, continuation lines joined. */
function npmRuns(text: string): Array<{ script: string; args: string[] }> {
  return [
    ...text
      .replace(/\\\n\s*/g, ' ')
      .matchAll(/npm run (?:--silent )?([\w:-]+)(?: -- ([^|\n]*))?/g),
  ].map((m) => ({
    script: m[1],
    args: (m[2] ?? '').trim().split(/\s+/).filter(Boolean),
  }))
}

test.each(examples.map((path) => [path.slice(root.length + 1), path]))(
  '%s runs only scripts and options that exist',
  (_name, path) => {
    const text = readFileSync(path, 'utf8')
    if (path.endsWith('.yml')) expect(() => parseYaml(text)).not.toThrow()
    const runs = npmRuns(text)
    if (/\.(yml|sh)$/.test(path)) {
      expect(runs.map((r) => r.script)).toEqual(['ingest', 'build'])
    }
    for (const { script, args } of runs) {
      expect(Object.keys(scripts)).toContain(script)
      if (script !== 'ingest') continue
      const values = parseCliArgs(args)
      expect(typeof subscribeOptionsFrom(values)).not.toBe('string')
      expect(typeof imageOptionsFrom(values)).not.toBe('string')
    }
  },
)

test('the workflows fetch with the history restored before and saved after, then report the site size', () => {
  const workflow = parseYaml(
    readFileSync(join(deploy, 'github-actions/zixun-pages.yml'), 'utf8'),
  ) as {
    jobs: {
      build: { steps: Array<{ uses?: string; run?: string; if?: string }> }
    }
  }
  const steps = workflow.jobs.build.steps
  const at = (match: (s: (typeof steps)[number]) => boolean) =>
    steps.findIndex(match)
  const restore = at(
    (s) => s.uses?.startsWith('actions/cache/restore') ?? false,
  )
  const ingest = at(
    (s) => s.run?.includes('npm run ingest -- --subscriptions') ?? false,
  )
  const save = at((s) => s.uses?.startsWith('actions/cache/save') ?? false)
  const size = at((s) => s.run?.includes('du -sb dist') ?? false)
  expect(restore).toBeGreaterThanOrEqual(0)
  expect([restore < ingest, ingest < save, save < size]).toEqual([
    true,
    true,
    true,
  ])
  expect(steps[save].if).toBe('always()')
})

test('the version the User-Agent names is the package version', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string
  }
  expect(ZIXUN_VERSION).toBe(pkg.version)
})
