import {
  type Dirent,
  existsSync,
  readdirSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs'
import { basename, dirname, extname, relative, resolve, sep } from 'node:path'
import { describeFsError, IngestError } from '../../shared/errors.ts'
import type { InputTask, Rejection } from '../input-types.ts'
import { isInputFile, isMaybePost } from './input-kinds.ts'
import { rootLabels } from './root-labels.ts'

/** A file or folder that will not be read, and where it goes in the report. */
export type NotRead = Rejection & {
  /** How many tasks were found before it (its place in input order). */
  before: number
}

export type Discovery = {
  tasks: InputTask[]
  /**
   * Files that are no posts or feeds (skipped), and entries that could not
   * even be read (symlink loops, broken links…: rejected).
   */
  notRead: NotRead[]
}

/**
 * Lists the files to read, in a stable order: each input in turn, folders
 * walked recursively in code-point order of names. Each file is named
 * relative to its input root, prefixed with the root's folder name when
 * there are several roots (rootLabels), so no path of the machine reaches
 * the report. Hidden entries (`.git`, `.DS_Store`) and `node_modules` are
 * passed over without a word; every other file that is no post or feed is
 * listed as skipped. A symlink that leads back to a folder being walked (a
 * loop) or to one already read is reported, not followed. Throws
 * IngestError when an input does not exist.
 */
export function discoverInputs(inputs: string[]): Discovery {
  const state: WalkState = {
    tasks: [],
    notRead: [],
    seen: new Set(),
    taskLabels: [],
  }
  const found = inputs.map((input) => {
    const abs = resolve(input)
    if (!existsSync(abs)) throw new IngestError(`input not found: ${input}`)
    const stat = statSync(abs)
    return { abs, stat, root: stat.isDirectory() ? abs : dirname(abs) }
  })
  const labels = rootLabels(found.map((f) => f.root))
  found.forEach(({ abs, stat, root }, i) => {
    const at = { root, label: labels[i] }
    if (stat.isDirectory()) walk(state, { ...at, dir: abs, ancestors: [] })
    else addFile(state, at, abs, basename(abs), stat, true)
  })
  if (inputs.length > 1) disambiguateRelPaths(state)
  return { tasks: state.tasks, notRead: state.notRead }
}

type WalkState = Discovery & {
  seen: Set<string>
  /** The label of each task's root, for disambiguateRelPaths. */
  taskLabels: string[]
}
/** An input root: its path and its label in the report. */
type Root = { root: string; label: string }
type WalkDir = Root & { dir: string; ancestors: string[] }

function walk(state: WalkState, at: WalkDir): void {
  const real = realpathSync(at.dir)
  const relDir = relative(at.root, at.dir).split(sep).join('/')
  const shown = reportName(at.label, relDir)
  if (at.ancestors.includes(real)) {
    return notRead(
      state,
      shown,
      'symlink loop: this folder links back to a folder that contains it',
    )
  }
  if (state.seen.has(real)) {
    return notRead(
      state,
      shown,
      'folder already read through another path (symlink)',
    )
  }
  state.seen.add(real)
  let entries: Dirent[]
  try {
    entries = readdirSync(at.dir, { withFileTypes: true }).sort((a, b) =>
      compareCodePoints(a.name, b.name),
    )
  } catch (error) {
    return notRead(
      state,
      shown,
      `cannot read folder (${describeFsError(error)})`,
    )
  }
  const here: Folder = { ...at, real, relDir }
  for (const entry of entries) {
    const { name } = entry
    if (name.startsWith('.') || name === 'node_modules') continue
    visit(state, here, entry)
  }
}

/** A folder being walked, with its real path and its path from the root. */
type Folder = WalkDir & { real: string; relDir: string }

function visit(state: WalkState, at: Folder, entry: Dirent): void {
  const { name } = entry
  // Plain concatenation: 100,000 path.join/relative calls cost ~1 s.
  const abs = at.dir.endsWith(sep)
    ? `${at.dir}${name}`
    : `${at.dir}${sep}${name}`
  const rel = at.relDir === '' ? name : `${at.relDir}/${name}`
  // A plain file is not stat'ed here: the thread that reads it learns its
  // size and time from the open file (a run with an input results cache
  // stats it before looking it up).
  if (entry.isFile()) return addFile(state, at, abs, rel)
  let stat: Stats
  try {
    stat = statSync(abs)
  } catch {
    return notRead(state, reportName(at.label, rel), 'broken symbolic link')
  }
  if (stat.isDirectory()) {
    const ancestors = [...at.ancestors, at.real]
    walk(state, { ...rootOf(at), dir: abs, ancestors })
  } else addFile(state, at, abs, rel, stat)
}

function rootOf(at: Root): Root {
  return { root: at.root, label: at.label }
}

function addFile(
  state: WalkState,
  at: Root,
  path: string,
  relPath: string,
  stat?: Stats,
  named = false,
): void {
  const file = reportName(at.label, relPath)
  const name = basename(relPath)
  // A file named on the command line is read whatever its extension.
  if (!named && !isInputFile(name) && !isMaybePost(name)) {
    const ext = extname(name).toLowerCase()
    return notRead(
      state,
      file,
      `not a post or feed (${ext === '' ? 'no extension' : ext})`,
      true,
    )
  }
  state.taskLabels.push(at.label)
  state.tasks.push(
    stat
      ? { path, file, relPath, size: stat.size, mtimeMs: stat.mtimeMs }
      : { path, file, relPath },
  )
}

function notRead(
  state: WalkState,
  file: string,
  reason: string,
  skipped = false,
): void {
  const before = state.tasks.length
  state.notRead.push(
    skipped
      ? { file, ok: false, reason, skipped, before }
      : { file, ok: false, reason, before },
  )
}

/** `<label>/<path>`, or the path alone when the run has one root. */
function reportName(label: string, rel: string): string {
  if (label === '') return rel === '' ? '.' : rel
  return rel === '' ? label : `${label}/${rel}`
}

/**
 * Same relative path under two inputs: prefix both with their root's
 * label (its folder name, made unique), so their ids (derived from it)
 * differ.
 */
function disambiguateRelPaths(state: WalkState): void {
  const counts = new Map<string, number>()
  for (const t of state.tasks)
    counts.set(t.relPath, (counts.get(t.relPath) ?? 0) + 1)
  state.tasks.forEach((t, i) => {
    if ((counts.get(t.relPath) ?? 0) > 1)
      t.relPath = `${state.taskLabels[i]}/${t.relPath}`
  })
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
