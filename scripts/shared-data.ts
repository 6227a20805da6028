import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Where the data that is not ours lives: `ZIXUN_SHARED_DIR`, or `../shared`
 * beside the repository. The one place any script or test decides it; only
 * the corpora suite (`npm run test:corpora`) and benchmarks read from it.
 */
export const sharedDir = path.resolve(
  process.env.ZIXUN_SHARED_DIR ??
    path.join(import.meta.dirname, '../../shared'),
)

/** The files of the shared data the corpora suite reads. */
export const sharedPaths = {
  /** 40 real aggregated Hexo posts (corpus/SOURCE.md). */
  posts: path.join(sharedDir, 'corpus/posts'),
  /** DOMPurify's own test payloads (xss/SOURCE.md). */
  xssFixtures: path.join(sharedDir, 'xss/dompurify-fixtures.json'),
}

/** What the shared folder holds, or what is missing from it. */
export function inspectSharedData():
  | { ok: true; posts: number; fixtures: number }
  | { ok: false; missing: string[] } {
  const missing = Object.values(sharedPaths).filter((p) => !existsSync(p))
  if (missing.length > 0) return { ok: false, missing }
  const posts = readdirSync(sharedPaths.posts).filter((name) =>
    name.endsWith('.md'),
  ).length
  const fixtures = (
    JSON.parse(readFileSync(sharedPaths.xssFixtures, 'utf8')) as unknown[]
  ).length
  return { ok: true, posts, fixtures }
}

/** The message for a run of the corpora suite without the data. */
export function missingSharedDataMessage(missing: string[]): string {
  return [
    `The corpora suite reads data that is not part of this repository, and it is missing:`,
    ...missing.map((p) => `  - ${p}`),
    `Put the shared folder (corpus/posts/*.md, xss/dompurify-fixtures.json) at`,
    `  ${sharedDir}`,
    `(../shared beside the repository), or point ZIXUN_SHARED_DIR at it:`,
    `  ZIXUN_SHARED_DIR=/path/to/shared npm run test:corpora`,
  ].join('\n')
}

/**
 * The shared paths, for a test or script that cannot run without them:
 * throws with the message above when any is missing.
 */
export function requireSharedData(): typeof sharedPaths {
  const found = inspectSharedData()
  if (!found.ok) throw new Error(missingSharedDataMessage(found.missing))
  return sharedPaths
}
