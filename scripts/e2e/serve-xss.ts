/**
 * Builds the reader on an XSS corpus (and the input-format fixtures) and
 * serves it for the XSS journey and formats.spec.ts: writes one post per
 * payload of the set (xss-corpus.ts: `own`, or `all` with DOMPurify's
 * fixtures), bundles the residue scanner for the page, then ingest → vite
 * build → vite preview (serve.ts).
 * Usage: tsx scripts/e2e/serve-xss.ts [--cases own|all] [--port 4176]
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'vite'
import { buildAndServe } from './serve.ts'
import { writeXssCorpus, xssDirs } from './xss-corpus.ts'

export const SCANNER_GLOBAL = '__zixunResidue'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4176' },
    cases: { type: 'string', default: 'own' },
  },
})
if (values.cases !== 'own' && values.cases !== 'all') {
  console.error(`xss: --cases is own or all, not ${values.cases}`)
  process.exit(1)
}
const dirs = xssDirs(values.cases)
const posts = writeXssCorpus(values.cases)
const fromDomPurify = posts.filter((post) => post.source === 'DOMPurify')
console.log(
  `xss: ${posts.length} posts (${fromDomPurify.length} DOMPurify fixtures, ${posts.length - fromDomPurify.length} Zixun payloads) written to ${dirs.posts}`,
)

// The same scanner the sanitiser's unit proof uses, as a script the test
// injects into the page (`window.__zixunResidue.findScriptResidue`).
await build({
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  resolve: { alias: { '@': path.resolve('src') } },
  build: {
    outDir: dirs.scanner,
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: path.resolve('src/testing/find-script-residue.ts'),
      formats: ['iife'],
      name: SCANNER_GLOBAL,
      fileName: () => 'residue-scanner.js',
    },
  },
})

await buildAndServe({
  // Plus a Markdown post and an RSS feed (tests/e2e/formats.spec.ts).
  inputs: [dirs.posts, path.resolve('tests/e2e/fixtures/formats')],
  data: dirs.data,
  dist: dirs.dist,
  port: values.port,
})
