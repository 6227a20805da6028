/**
 * This checkout's ingest writes exactly what another's does:
 * `npx tsx scripts/bench/same-output.ts --base <checkout> [--count 2000
 * --kind demo|real-shaped]`. Not a test (it runs another checkout's code);
 * the check to make before merging a change that must not change output.
 * `<checkout>` is another copy of the repository whose `node_modules`
 * resolves (e.g. `git archive main | tar -x -C .cache/main-src`, then a
 * symlink to this checkout's node_modules). Both ingest the same corpus
 * cold into new folders; every file under the two outputs is compared byte
 * by byte. Then this checkout runs again on the unchanged input, which
 * must convert and write nothing. Exits 1 on any difference.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { benchRoot, corpus, type CorpusKind } from './ingest-runs.ts'

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    count: { type: 'string', default: '2000' },
    kind: { type: 'string', default: 'demo' },
  },
})
if (!values.base) {
  console.error('same-output: --base <other checkout> is required')
  process.exit(2)
}
const posts = await corpus(Number(values.count), values.kind as CorpusKind)
const work = mkdtempSync(path.join(benchRoot, 'same-output-'))
const run = (checkout: string, name: string) => {
  const out = path.join(work, name, 'out')
  const cache = path.join(work, name, 'cache')
  const cli = path.join(checkout, 'scripts/ingest/bin.mjs')
  const args = [cli, '-i', posts, '-o', out, '--cache', cache]
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${cli}: ${result.stderr}`)
  return { out, stdout: result.stdout }
}

/** Every file under `dir`, by its path inside it. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const entry of readdirSync(dir, {
    recursive: true,
    withFileTypes: true,
  }))
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name)
      files.set(path.relative(dir, file), readFileSync(file))
    }
  return files
}

try {
  const base = run(path.resolve(values.base), 'base')
  const mine = run(path.resolve(import.meta.dirname, '../..'), 'this')
  const [a, b] = [tree(base.out), tree(mine.out)]
  const differ = [...new Set([...a.keys(), ...b.keys()])].filter(
    (name) => !a.get(name)?.equals(b.get(name) ?? Buffer.alloc(0)),
  )
  console.log(
    `${values.kind}, ${values.count} posts: ${a.size} files from the base, ${b.size} from this checkout, ${differ.length} differ`,
  )
  for (const name of differ.slice(0, 20))
    console.log(
      `  ${name}: ${a.has(name) ? 'base' : '-'} / ${b.has(name) ? 'this' : '-'}`,
    )
  const again = run(path.resolve(import.meta.dirname, '../..'), 'this')
  console.log(
    `re-run on unchanged input: ${again.stdout.trim().split('\n').at(-1)}`,
  )
  process.exitCode = differ.length > 0 ? 1 : 0
} finally {
  rmSync(work, { recursive: true, force: true })
}
