import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import { PostError } from '../../shared/errors.ts'
import { parseSimpleYaml } from './simple-yaml.ts'
import type { SplitPost } from './split-front-matter.ts'

export type FrontMatter = Record<string, unknown>

/**
 * Parses the front matter of a split post into a plain record with
 * lower-cased keys. YAML scalars stay strings; YAML is read as people really write it: duplicate keys
 * (the last wins), tabs used for indentation, and scalars with runaway or
 * unbalanced quotes are repaired before giving up. TOML dates become
 * strings (`2021-05-09T00:04:29.000`, zone-less when the TOML had no zone).
 * Throws PostError with the file's line number when nothing can be read.
 */
export function parseFrontMatter(post: SplitPost): FrontMatter {
  switch (post.format) {
    case 'none':
      return {}
    case 'yaml':
      // The fast path reads what most aggregators write; it equals the
      // full parser wherever it answers (BENCHMARKS.md, fast paths).
      return toRecord(
        parseSimpleYaml(post.matter) ??
          parseYamlMatter(post.matter, post.matterLine),
        post,
      )
    case 'toml':
      return toRecord(parseTomlMatter(post.matter, post.matterLine), post)
    case 'json':
      return toRecord(parseJsonMatter(post.matter, post.matterLine), post)
  }
}

function toRecord(value: unknown, post: SplitPost): FrontMatter {
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PostError(
      `front matter is not a key/value map (${post.format})`,
      post.matterLine,
    )
  }
  const out: FrontMatter = {}
  for (const [key, v] of Object.entries(value)) {
    const lower = key.toLowerCase()
    if (!(lower in out) || key === lower) out[lower] = v
  }
  return out
}

// failsafe: every scalar stays the text that was written (`author: 100071`
// is the name "100071", `title: 1.50` keeps its zero, dates stay strings).
const YAML_OPTIONS = {
  uniqueKeys: false,
  prettyErrors: false,
  schema: 'failsafe',
} as const

/**
 * YAML front matter by the yaml package (failsafe schema, duplicate keys
 * allowed), repaired once when it fails; PostError with the line when
 * nothing can be read. The reference parseSimpleYaml must equal.
 */
export function parseYamlMatter(text: string, firstLine: number): unknown {
  try {
    return parseYaml(text, YAML_OPTIONS)
  } catch (error) {
    try {
      return parseYaml(repairYaml(text), YAML_OPTIONS)
    } catch {
      throw yamlError(error, text, firstLine)
    }
  }
}

function yamlError(error: unknown, text: string, firstLine: number): PostError {
  if (error instanceof YAMLParseError) {
    const line = text.slice(0, error.pos[0]).split('\n').length
    const what = error.message.split('\n')[0].replace(/ at line \d+.*$/, '')
    return new PostError(`YAML front matter: ${what}`, firstLine + line - 1)
  }
  return new PostError(`YAML front matter: ${String(error)}`, firstLine)
}

const TOP_LEVEL_SCALAR = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]+(["'].*)$/

/**
 * Rewrites lines that YAML refuses but a person can read: leading tabs
 * become spaces, and a top-level `key: "…` whose quoting is broken becomes
 * a clean double-quoted string without the runaway quotes.
 */
export function repairYaml(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const untabbed = line.replace(/^\t+/, (tabs) => '  '.repeat(tabs.length))
      const match = TOP_LEVEL_SCALAR.exec(untabbed)
      if (!match || isValidYaml(untabbed)) return untabbed
      return `${match[1]}: ${JSON.stringify(stripRunawayQuotes(match[2]))}`
    })
    .join('\n')
}

function isValidYaml(line: string): boolean {
  try {
    parseYaml(line)
    return true
  } catch {
    return false
  }
}

/** `"""'Learning'"""` → `Learning`; `'It's here'` → `It's here`. */
export function stripRunawayQuotes(value: string): string {
  return value
    .trim()
    .replace(/^["']+/, '')
    .replace(/["']+$/, '')
    .trim()
}

function parseTomlMatter(text: string, firstLine: number): unknown {
  try {
    return datesToStrings(parseToml(text))
  } catch (error) {
    const line = (error as { line?: number }).line ?? 1
    const what = String((error as Error).message ?? error).split('\n')[0]
    throw new PostError(`TOML front matter: ${what}`, firstLine + line - 1)
  }
}

function datesToStrings(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(datesToStrings)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, datesToStrings(v)]),
    )
  }
  return value
}

function parseJsonMatter(text: string, firstLine: number): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const what = (error as Error).message
    throw new PostError(`JSON front matter: ${what}`, firstLine)
  }
}
