#!/usr/bin/env node
/**
 * The floor of `npm run bench:ingest`: the least work any ingest that
 * parses HTML does, on one thread. It reads each file under `<in>`, parses
 * its front matter with `yaml` and its body once with `parse5`, and writes
 * one JSON file per file into `<out>`: `node ingest-floor.mjs <in> <out>`.
 * Feed files (no front matter) are parsed whole by parse5, JSON feeds by
 * JSON.parse and each item's HTML by parse5. Nothing is checked, cleaned
 * or listed. Plain JavaScript, so it starts as fast as the bundled ingest.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { parse as parseHtml } from 'parse5'
import { parse as parseYaml } from 'yaml'

const [inDir, outDir] = process.argv.slice(2)
if (!inDir || !outDir) {
  console.error('usage: node ingest-floor.mjs <posts> <out>')
  process.exit(2)
}
const FENCE = /^\s*---\r?\n([^]*?)\r?\n---\r?\n/

/** What the floor keeps of one file: its front matter and its body. */
function readOne(text) {
  const fenced = FENCE.exec(text)
  if (fenced) {
    const body = text.slice(fenced[0].length)
    parseHtml(body)
    return { ...parseYaml(fenced[1]), content_html: body }
  }
  if (text.trimStart().startsWith('{')) {
    const feed = JSON.parse(text)
    for (const item of feed.items ?? []) parseHtml(item.content_html ?? '')
    return feed
  }
  parseHtml(text)
  return { content_html: text }
}

let files = 0
mkdirSync(outDir, { recursive: true })
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path)
    else if (entry.isFile()) {
      const data = readOne(readFileSync(path, 'utf8'))
      writeFileSync(join(outDir, `${++files}.json`), JSON.stringify(data))
    }
  }
}
walk(inDir)
console.log(`${files} files`)
