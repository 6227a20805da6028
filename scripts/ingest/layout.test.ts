import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { expect, test } from 'vitest'

// The folders in pipeline order: a module imports from its own folder or
// from folders before it, never from a later one (docs/ingest-pipeline.md).
const STAGES = ['shared', 'read', 'convert', 'workers', 'write', 'cache', 'run']
// Atom titles may be HTML: the feed reader reads their text as bodies are read.
const ALLOWED = new Set([
  'read/feeds/parse-xml-feed.ts → convert/body/html-text.ts',
])

const dir = import.meta.dirname
const modules = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))

function importsOf(module: string): string[] {
  const text = readFileSync(join(dir, module), 'utf8')
  return [...text.matchAll(/from '(\.{1,2}\/[^']+\.ts)'/g)]
    .map((m) => normalize(join(dirname(module), m[1])))
    .filter((target) => !relative(dir, join(dir, target)).startsWith('..'))
}

const graph = new Map(modules.map((m) => [m, importsOf(m)]))

function stageOf(module: string): number {
  const index = STAGES.indexOf(module.split('/')[0])
  return index === -1 ? STAGES.length : index // cli.ts, main.ts: the top
}

test('every module imports only from its own stage or an earlier one', () => {
  const backwards = [...graph].flatMap(([from, targets]) =>
    targets
      .filter((to) => stageOf(to) > stageOf(from))
      .map((to) => `${from} → ${to}`)
      .filter((edge) => !ALLOWED.has(edge)),
  )
  expect(backwards).toEqual([])
})

test('no module imports itself through others (no import cycle)', () => {
  const cycles: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (module: string, path: string[]) => {
    if (state.get(module) === 'done') return
    if (state.get(module) === 'open') {
      cycles.push([...path.slice(path.indexOf(module)), module].join(' → '))
      return
    }
    state.set(module, 'open')
    for (const next of graph.get(module) ?? []) visit(next, [...path, module])
    state.set(module, 'done')
  }
  for (const module of graph.keys()) visit(module, [])
  expect(cycles).toEqual([])
})
