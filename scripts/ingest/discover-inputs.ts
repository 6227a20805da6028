import {
  existsSync,
  readdirSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs'
import { basename, extname, join, relative, resolve } from 'node:path'
import { IngestError } from './errors.ts'
import type { InputTask, Rejection } from './read-input.ts'

export const POST_EXTENSIONS = ['.md', '.markdown', '.html', '.htm']
export const FEED_EXTENSIONS = ['.xml', '.rss', '.atom', '.json', '.feed']

export type Discovery = {
  tasks: InputTask[]
  /** Entries that could not even be read (loops, broken links…). */
  problems: Rejection[]
  /** Files in walked folders that are neither posts nor feeds. */
  ignored: number
}

/**
 * Lists the files to read, in a stable order: each input in turn, folders
 * walked recursively in code-point order of names. Hidden entries and
 * `node_modules` are skipped; a symlink that leads back to a folder being
 * walked (a loop) or to one already read is reported, not followed.
 * Throws IngestError when an input does not exist.
 */
export function discoverInputs(inputs: string[]): Discovery {
  const state: WalkState = {
    tasks: [],
    problems: [],
    ignored: 0,
    seen: new Set(),
  }
  for (const input of inputs) {
    const abs = resolve(input)
    if (!existsSync(abs)) throw new IngestError(`input not found: ${input}`)
    const stat = statSync(abs)
    if (stat.isDirectory())
      walk(state, { root: abs, shown: input, dir: abs, ancestors: [] })
    else addFile(state, abs, displayPath(input, ''), basename(abs), stat)
  }
  disambiguateRelPaths(state.tasks, inputs)
  return {
    tasks: state.tasks,
    problems: state.problems,
    ignored: state.ignored,
  }
}

type WalkState = Discovery & { seen: Set<string> }
type WalkDir = { root: string; shown: string; dir: string; ancestors: string[] }

function walk(state: WalkState, at: WalkDir): void {
  const real = realpathSync(at.dir)
  const shown = displayPath(at.shown, relative(at.root, at.dir))
  if (at.ancestors.includes(real)) {
    return reject(
      state,
      shown,
      'symlink loop: this folder links back to a folder that contains it',
    )
  }
  if (state.seen.has(real)) {
    return reject(
      state,
      shown,
      'folder already read through another path (symlink)',
    )
  }
  state.seen.add(real)
  let names: string[]
  try {
    names = readdirSync(at.dir).sort(compareCodePoints)
  } catch (error) {
    return reject(
      state,
      shown,
      `cannot read folder: ${(error as Error).message}`,
    )
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue
    visit(state, at, name, real)
  }
}

function visit(
  state: WalkState,
  at: WalkDir,
  name: string,
  real: string,
): void {
  const abs = join(at.dir, name)
  const rel = relative(at.root, abs).split('\\').join('/')
  let stat: Stats
  try {
    stat = statSync(abs)
  } catch {
    return reject(state, displayPath(at.shown, rel), 'broken symbolic link')
  }
  if (stat.isDirectory()) {
    walk(state, { ...at, dir: abs, ancestors: [...at.ancestors, real] })
  } else if (isInputFile(name)) {
    addFile(state, abs, displayPath(at.shown, rel), rel, stat)
  } else {
    state.ignored++
  }
}

function isInputFile(name: string): boolean {
  const ext = extname(name).toLowerCase()
  return POST_EXTENSIONS.includes(ext) || FEED_EXTENSIONS.includes(ext)
}

function addFile(
  state: WalkState,
  path: string,
  file: string,
  relPath: string,
  stat: Stats,
): void {
  state.tasks.push({
    path,
    file,
    relPath,
    size: stat.size,
    mtimeMs: stat.mtimeMs,
  })
}

function reject(state: WalkState, file: string, reason: string): void {
  state.problems.push({ file, ok: false, reason })
}

function displayPath(input: string, rel: string): string {
  return (rel === '' ? input : join(input, rel)).split('\\').join('/')
}

/** Same relative path under two inputs: prefix both with their root name. */
function disambiguateRelPaths(tasks: InputTask[], inputs: string[]): void {
  if (inputs.length < 2) return
  const counts = new Map<string, number>()
  for (const t of tasks) counts.set(t.relPath, (counts.get(t.relPath) ?? 0) + 1)
  for (const t of tasks) {
    if ((counts.get(t.relPath) ?? 0) > 1) {
      const root = t.file
        .slice(0, t.file.length - t.relPath.length)
        .replace(/\/$/, '')
      t.relPath = `${basename(root)}/${t.relPath}`
    }
  }
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
