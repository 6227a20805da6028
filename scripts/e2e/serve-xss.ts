/**
 * Builds the reader on the XSS corpus (and the input-format fixtures) and
 * serves it for tests/e2e/xss.spec.ts and formats.spec.ts:
 * writes one post per payload (xss-corpus.ts), bundles the residue scanner
 * for the page, then ingest → vite build → vite preview (serve.ts).
 * Usage: tsx scripts/e2e/serve-xss.ts [--port 4176]
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'vite'
import { buildAndServe } from './serve'
import { writeXssCorpus, xssDirs } from './xss-corpus'

export const SCANNER_GLOBAL = '__zixunResidue'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4176' } },
})

const posts = writeXssCorpus()
console.log(`xss: ${posts.length} posts written to ${xssDirs.posts}`)

// The same scanner the sanitiser's unit proof uses, as a script the test
// injects into the page (`window.__zixunResidue.findScriptResidue`).
await build({
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  resolve: { alias: { '@': path.resolve('src') } },
  build: {
    outDir: xssDirs.scanner,
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

buildAndServe({
  // Plus a Markdown post and an RSS feed (tests/e2e/formats.spec.ts).
  inputs: [xssDirs.posts, path.resolve('tests/e2e/fixtures/formats')],
  data: xssDirs.data,
  dist: xssDirs.dist,
  port: values.port,
})
