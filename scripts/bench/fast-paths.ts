/**
 * The ingest's hand-made fast paths against what they replace:
 * `npm run bench:fast-paths [-- --count 10000 --rounds 9 --only list]`.
 * Not a test.
 * Over the demo corpus of bench:ingest (`.cache/bench/ingest-<count>`), each
 * workload runs the way the ingest runs it, fast and reference alternating
 * (the order flips every round); prints CPU milliseconds per workload,
 * median and range, and the gain. Kept: simple-yaml.ts in front of the yaml
 * package, isPlain in front of Intl.Segmenter. Measured and deleted: hashing
 * list items through one batching buffer, rendering pages into one reused
 * buffer (their old code is below, to show why).
 */
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { JSON_FEED_VERSION } from '../../src/lib/article-schema.ts'
import { convertInput } from '../ingest/convert/convert-input.ts'
import { scanHtml } from '../ingest/convert/body/html-text.ts'
import {
  graphemePrefix,
  segmentedPrefix,
  SUMMARY_LENGTH,
} from '../ingest/convert/fields/summary.ts'
import type { InputTask } from '../ingest/read/input-types.ts'
import { readInput } from '../ingest/read/read-input.ts'
import { parseYamlMatter } from '../ingest/read/posts/parse-front-matter.ts'
import { parseSimpleYaml } from '../ingest/read/posts/simple-yaml.ts'
import { splitFrontMatter } from '../ingest/read/posts/split-front-matter.ts'
import { readText } from '../ingest/read/files/read-file.ts'
import { shortHashOf, toBase32, type Parts } from '../ingest/shared/hash.ts'
import {
  buildCategoryTree,
  type TreeNode,
} from '../ingest/write/category-tree.ts'
import { PAGE_SIZE, renderPage } from '../ingest/write/write-lists.ts'
import { corpus, median } from './ingest-runs.ts'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '9' },
    /** Only the workloads whose name starts so (`list`: the deleted two). */
    only: { type: 'string', default: '' },
  },
})
const dir = await corpus(Number(values.count))
const tasks = (): InputTask[] =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ path: path.join(dir, name), file: name, relPath: name }))

// --- the corpus as each fast path sees it ---

const matters = tasks().map((t) => splitFrontMatter(readText(t).text).matter)
const texts = tasks()
  .map((t) => scanHtml(readInput(t)[0].html).text)
  .filter((text) => text.length > SUMMARY_LENGTH)
const prepared = tasks()
  .flatMap((t) => convertInput(t, { timeZone: 'UTC' }))
  .flatMap((o) => (o.ok ? [o.prepared] : []))
  .sort((a, b) => b.dateMs - a.dateMs)
const items = prepared.map((p) => p.itemBytes)
const lists: number[][] = [items.map((_, i) => i)]
const addNodes = (nodes: Iterable<TreeNode>) => {
  for (const node of nodes) {
    lists.push(node.members)
    addNodes(node.children.values())
  }
}
addNodes(buildCategoryTree(prepared))

// --- what the deleted fast paths were ---

function batchedHashOf(parts: Parts, length: number): string {
  const digest = createHash('sha256')
  let block = Buffer.allocUnsafe(64 * 1024)
  let used = 0
  for (let i = 0; i < parts.count; i++) {
    const part = parts.part(i)
    if (used + part.length + 1 > block.length) {
      digest.update(block.subarray(0, used))
      used = 0
      if (part.length + 1 > block.length)
        block = Buffer.allocUnsafe(part.length + 1)
    }
    block.set(part, used)
    block[used + part.length] = 0
    used += part.length + 1
  }
  digest.update(block.subarray(0, used))
  return toBase32(digest.digest()).slice(0, length)
}

let scratch = Buffer.allocUnsafe(256 * 1024)

function renderIntoScratch(
  spec: { key: string; title: string },
  pageItems: readonly Uint8Array[],
  meta: { page: number; pages: number; count: number },
): Buffer {
  const next =
    meta.page < meta.pages ? `,"next_url":"${meta.page + 1}.json"` : ''
  const head =
    `{"version":${JSON.stringify(JSON_FEED_VERSION)},` +
    `"title":${JSON.stringify(spec.title)}${next},"items":[`
  const tail = `],"_zixun":${JSON.stringify({ list: spec.key, ...meta })}}\n`
  const size =
    Buffer.byteLength(head) +
    Buffer.byteLength(tail) +
    pageItems.reduce((sum, item) => sum + item.length + 1, 0)
  if (scratch.length < size) scratch = Buffer.allocUnsafe(size * 2)
  let at = scratch.write(head)
  pageItems.forEach((item, i) => {
    if (i > 0) at = scratch.writeUInt8(0x2c, at)
    scratch.set(item, at)
    at += item.length
  })
  at += scratch.write(tail, at)
  return scratch.subarray(0, at)
}

// --- workloads: [name, fast (what the ingest runs), reference] ---

const hashLists = (hash: (parts: Parts, length: number) => string) =>
  lists.map((m) => hash({ count: m.length, part: (i) => items[m[i]] }, 10))

const renderLists = (render: typeof renderPage) => {
  let bytes = 0
  for (const members of lists) {
    const pages = Math.ceil(members.length / PAGE_SIZE)
    for (let page = 1; page <= pages; page++) {
      const from = (page - 1) * PAGE_SIZE
      const pageItems = members
        .slice(from, from + PAGE_SIZE)
        .map((i) => items[i])
      const meta = { page, pages, count: members.length }
      bytes += render({ key: 'k', title: '全部' }, pageItems, meta).length
    }
  }
  return bytes
}

const all: Array<[string, () => unknown, () => unknown]> = [
  [
    `simple-yaml, ${matters.length} front matters (vs yaml alone)`,
    () => matters.map((m) => parseSimpleYaml(m) ?? parseYamlMatter(m, 1)),
    () => matters.map((m) => parseYamlMatter(m, 1)),
  ],
  [
    `isPlain, ${texts.length} summaries (vs Intl.Segmenter always)`,
    () => texts.map((t) => graphemePrefix(t, SUMMARY_LENGTH)),
    () => texts.map((t) => segmentedPrefix(t, SUMMARY_LENGTH)),
  ],
  [
    `list hashes, ${lists.length} lists (per part; vs the deleted batching)`,
    () => hashLists(shortHashOf),
    () => hashLists(batchedHashOf),
  ],
  [
    `list pages (own buffer each; vs the deleted reused buffer)`,
    () => renderLists(renderPage),
    () => renderLists(renderIntoScratch),
  ],
]

const workloads = all.filter(([name]) => name.startsWith(values.only))

const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const rounds = Number(values.rounds)
console.log(
  `${prepared.length} posts, ${lists.length} lists; CPU ms of the ingest's way vs the other, median (range) of ${rounds} rounds:\n`,
)
for (const [name, fast, reference] of workloads) {
  const times: [number[], number[]] = [[], []]
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0]
    for (const which of order) {
      const started = cpuMs()
      ;(which === 0 ? fast : reference)()
      times[which].push(cpuMs() - started)
    }
  }
  const [f, r] = times.map((t) => ({
    median: median(t),
    range: `${Math.min(...t).toFixed(1)}–${Math.max(...t).toFixed(1)}`,
  }))
  const diff = r.median - f.median
  console.log(
    `- ${name}: ${f.median.toFixed(1)} (${f.range}) vs ${r.median.toFixed(1)} (${r.range}): the ingest's way is ${Math.abs(diff).toFixed(1)} ms ${diff >= 0 ? 'faster' : 'slower'} (×${(r.median / f.median).toFixed(2)})`,
  )
}
