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
import type { Rejection } from '../input-types.ts'
import { isInputFile, isMaybePost } from './input-kinds.ts'
import { rootLabels } from './root-labels.ts'
import { TaskList } from './task-list.ts'

/** A file or folder that will not be read, and where it goes in the report. */
export type NotRead = Rejection & {
  /** How many tasks were found before it (its place in input order). */
  before: number
}

export type Discovery = {
  tasks: TaskList
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
    tasks: new TaskList(),
    notRead: [],
    seen: new Set(),
  }
  const found = inputs.map((input) => {
    const abs = resolve(input)
    if (!existsSync(abs)) throw new IngestError(`input not found: ${input}`)
    const stat = statSync(abs)
    return { abs, stat, root: stat.isDirectory() ? abs : dirname(abs) }
  })
  const labels = rootLabels(found.map((f) => f.root))
  found.forEach(({ abs, stat, root }, i) => {
    const label = labels[i]
    const at = { root, label, id: state.tasks.addRoot({ dir: root, label }) }
    if (stat.isDirectory()) walk(state, { ...at, dir: abs, ancestors: [] })
    else addFile(state, at, basename(abs), stat, true)
  })
  if (inputs.length > 1) state.tasks.prefixSharedPaths()
  return { tasks: state.tasks, notRead: state.notRead }
}

type WalkState = Discovery & { seen: Set<string> }
/** An input root: its path, its label in the report and its number in the TaskList. */
type Root = { root: string; label: string; id: number }
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
  const rel = at.relDir === '' ? name : `${at.relDir}/${name}`
  // A plain file is not stat'ed here: the thread that reads it learns its
  // size and time from the open file (a run with an input results cache
  // stats it before looking it up).
  if (entry.isFile()) return addFile(state, at, rel)
  const abs = at.dir.endsWith(sep)
    ? `${at.dir}${name}`
    : `${at.dir}${sep}${name}`
  let stat: Stats
  try {
    stat = statSync(abs)
  } catch {
    return notRead(state, reportName(at.label, rel), 'broken symbolic link')
  }
  if (stat.isDirectory()) {
    const ancestors = [...at.ancestors, at.real]
    walk(state, { ...rootOf(at), dir: abs, ancestors })
  } else addFile(state, at, rel, stat)
}

function rootOf(at: Root): Root {
  return { root: at.root, label: at.label, id: at.id }
}

function addFile(
  state: WalkState,
  at: Root,
  relPath: string,
  stat?: Stats,
  named = false,
): void {
  const name = basename(relPath)
  // A file named on the command line is read whatever its extension.
  if (!named && !isInputFile(name) && !isMaybePost(name)) {
    const ext = extname(name).toLowerCase()
    return notRead(
      state,
      reportName(at.label, relPath),
      `not a post or feed (${ext === '' ? 'no extension' : ext})`,
      true,
    )
  }
  state.tasks.add(at.id, relPath, stat)
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

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
