import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { e2eDirs } from '../../../scripts/e2e/dirs'
import { sharedPaths } from '../../../scripts/shared-data.ts'
import type { IngestReport } from '../../../src/lib/article-schema'

export type CorpusPost = {
  file: string
  id: string
  title: string
  categories: string[]
  bodyHasImage: boolean
}

const postsDir = sharedPaths.posts

function readFrontMatter(text: string) {
  const match = /^\s*---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)
  if (!match) throw new Error('no front matter')
  return { data: parse(match[1]) as Record<string, unknown>, body: match[2] }
}

function decodeBraces(text: string) {
  return text.replaceAll('&#123;', '{').replaceAll('&#125;', '}')
}

/**
 * The shared posts as the e2e tests expect to see them: titles and
 * categories read from the front matter here, ids from the ingest report.
 */
export function readSharedCorpus(): CorpusPost[] {
  const report = JSON.parse(
    readFileSync(path.join(e2eDirs.data, 'ingest-report.json'), 'utf8'),
  ) as IngestReport
  const files = readdirSync(postsDir).filter((name) => name.endsWith('.md'))
  return files.map((file) => {
    const entry = report.files.find(
      (candidate) => path.basename(candidate.file) === file,
    )
    if (!entry?.id || entry.status !== 'written') {
      throw new Error(`${file} was not written by the ingest`)
    }
    const { data, body } = readFrontMatter(
      readFileSync(path.join(postsDir, file), 'utf8'),
    )
    return {
      file,
      id: entry.id,
      title: decodeBraces(String(data.title)).trim(),
      categories: (data.categories as unknown[]).map(String),
      bodyHasImage: /<img\b/i.test(body),
    }
  })
}
