import { sep } from 'node:path'
import { uint32Column, uint8Column } from '../../shared/columns.ts'
import type { InputTask } from '../input-types.ts'

/** An input root: its absolute path and its label in the report. */
export type TaskRoot = { dir: string; label: string }

const PREFIXED = 1

/**
 * The files to read, in input order, kept as a root and a path inside it
 * each (1,000,000 files: their names and 5 bytes apiece, not three strings
 * and an object). `get` makes the InputTask a reader needs, fresh each time.
 */
export class TaskList {
  private readonly roots: TaskRoot[] = []
  private readonly rootOf = uint32Column()
  private readonly rels: string[] = []
  private readonly flags = uint8Column()
  /** Size and time of the files discovery had to stat (links, named files). */
  private readonly stats = new Map<number, { size: number; mtimeMs: number }>()
  /** Tasks made elsewhere (a subscribed feed's history segments), whole. */
  private readonly whole = new Map<number, InputTask>()

  get length(): number {
    return this.rels.length
  }

  /** Registers an input root; returns its number for `add`. */
  addRoot(root: TaskRoot): number {
    return this.roots.push(root) - 1
  }

  /** Adds `rel` (a `/`-separated path inside root `root`); returns its index. */
  add(
    root: number,
    rel: string,
    stat?: { size: number; mtimeMs: number },
  ): number {
    const index = this.rels.push(rel) - 1
    this.rootOf.push(root)
    this.flags.push(0)
    if (stat) this.stats.set(index, { size: stat.size, mtimeMs: stat.mtimeMs })
    return index
  }

  /**
   * Appends tasks made elsewhere, whose names follow no root (a subscribed
   * feed's history segments: a few per feed); kept as they are.
   */
  push(...tasks: InputTask[]): void {
    for (const task of tasks) {
      const index = this.rels.push('') - 1
      this.rootOf.push(0)
      this.flags.push(0)
      this.whole.set(index, { ...task })
    }
  }

  /** Task `index` as readers and caches use it. */
  get(index: number): InputTask {
    const whole = this.whole.get(index)
    if (whole) return { ...whole }
    const stat = this.stats.get(index)
    const task: InputTask = {
      path: this.path(index),
      file: this.file(index),
      relPath: this.relPath(index),
    }
    if (stat) {
      task.size = stat.size
      task.mtimeMs = stat.mtimeMs
    }
    return task
  }

  /** The report's name for task `index`: its path, after its root's label. */
  file(index: number): string {
    const whole = this.whole.get(index)
    if (whole) return whole.file
    const { label } = this.roots[this.rootOf.get(index)]
    const rel = this.rels[index]
    return label === '' ? rel : `${label}/${rel}`
  }

  /** The path inside its root, prefixed by the label when another root has it too. */
  relPath(index: number): string {
    const whole = this.whole.get(index)
    if (whole) return whole.relPath
    return this.flags.get(index) & PREFIXED
      ? this.file(index)
      : this.rels[index]
  }

  /** The absolute path to read. */
  path(index: number): string {
    const whole = this.whole.get(index)
    if (whole) return whole.path
    const { dir } = this.roots[this.rootOf.get(index)]
    const rel =
      sep === '/' ? this.rels[index] : this.rels[index].replaceAll('/', sep)
    return dir.endsWith(sep) ? `${dir}${rel}` : `${dir}${sep}${rel}`
  }

  /**
   * Same path inside two roots: both are named with their root's label in
   * `relPath` too, so their ids (derived from it) differ.
   */
  prefixSharedPaths(): void {
    const counts = new Map<string, number>()
    const named = (index: number) => !this.whole.has(index)
    this.rels.forEach((rel, index) => {
      if (named(index)) counts.set(rel, (counts.get(rel) ?? 0) + 1)
    })
    this.rels.forEach((rel, index) => {
      if (named(index) && (counts.get(rel) ?? 0) > 1)
        this.flags.set(index, PREFIXED)
    })
  }
}
