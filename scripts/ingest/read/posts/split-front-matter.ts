import { PostError } from '../../shared/errors.ts'
import { normalizeText } from '../decode-text.ts'

export type MatterFormat = 'yaml' | 'toml' | 'json' | 'none'

export type SplitPost = {
  format: MatterFormat
  /** The front matter text, without its fences. */
  matter: string
  /** 1-based line of the first front matter line in the file. */
  matterLine: number
  body: string
}

const FENCES: Record<string, MatterFormat> = { '---': 'yaml', '+++': 'toml' }

/**
 * Splits a post into front matter and body. Accepts leading blank lines,
 * `---` YAML, `+++` TOML and a JSON object (Hugo), and a body that starts
 * right after the closing fence. A post without front matter is all body.
 * Throws PostError when a front matter block is opened but never closed.
 */
export function splitFrontMatter(text: string): SplitPost {
  const lines = normalizeText(text).split('\n')
  let start = 0
  while (start < lines.length && lines[start].trim() === '') start++
  const first = (lines[start] ?? '').trimEnd()
  const format = FENCES[first]
  if (format) return splitFenced(lines, start, first, format)
  if (first.startsWith('{')) return splitJson(lines, start)
  return { format: 'none', matter: '', matterLine: 1, body: lines.join('\n') }
}

function splitFenced(
  lines: string[],
  start: number,
  fence: string,
  format: MatterFormat,
): SplitPost {
  const closers = fence === '---' ? ['---', '...'] : [fence]
  for (let i = start + 1; i < lines.length; i++) {
    if (closers.includes(lines[i].trimEnd())) {
      return {
        format,
        matter: lines.slice(start + 1, i).join('\n'),
        matterLine: start + 2,
        body: lines.slice(i + 1).join('\n'),
      }
    }
  }
  throw new PostError(
    `front matter opened with "${fence}" is never closed (truncated file?)`,
    start + 1,
  )
}

function splitJson(lines: string[], start: number): SplitPost {
  const text = lines.slice(start).join('\n')
  const end = findJsonObjectEnd(text)
  if (end < 0) {
    throw new PostError('JSON front matter is never closed', start + 1)
  }
  const rest = text.slice(end + 1)
  return {
    format: 'json',
    matter: text.slice(0, end + 1),
    matterLine: start + 1,
    body: rest.startsWith('\n') ? rest.slice(1) : rest,
  }
}

/** Index of the `}` closing the object that starts at 0, or -1. */
function findJsonObjectEnd(text: string): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
    } else if (ch === '"') inString = true
    else if (ch === '{') depth++
    else if (ch === '}' && --depth === 0) return i
  }
  return -1
}
