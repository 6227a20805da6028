import type { CategoryPath } from '../../../../src/lib/article-schema.ts'
import {
  float64Column,
  uint32Column,
  uint8Column,
} from '../../shared/columns.ts'
import type { SpillFile } from '../../shared/spill-file.ts'
import type { Done } from '../../workers/run-task.ts'

/** Bytes of a content hash (contentHash: 20 base64url characters). */
const HASH_BYTES = 20
const ON_DISK = 1

/**
 * Every converted article the main thread has received, one row each, in
 * arrival order: the compact record the lists, the report and the caches
 * are made from (docs/decisions/026). Numbers sit in typed columns, the
 * list item's bytes in a spill file, strings (id, link) once each; category
 * paths are shared by every article filed the same way. About 150 bytes
 * per article instead of ~3 KB of objects, summaries and map entries.
 */
export class ArticleTable {
  private readonly ids: string[] = []
  private readonly links: Array<string | undefined> = []
  /** The report name, kept only where it is not its input file's. */
  private readonly files: Array<string | undefined> = []
  private readonly notesOf = new Map<number, string[]>()
  private readonly dates = float64Column()
  private readonly tasks = uint32Column()
  private readonly items = uint32Column()
  private readonly pathSets = uint32Column()
  private readonly flags = uint8Column()
  private hashes = new Uint8Array(HASH_BYTES * 1024)
  private readonly pathSetIndex = new Map<string, number>()
  private readonly pathSetList: CategoryPath[][] = []
  private readonly itemBytes: SpillFile

  /** `items` receives each article's list item, in arrival order. */
  constructor(items: SpillFile) {
    this.itemBytes = items
  }

  get count(): number {
    return this.ids.length
  }

  /**
   * Adds item `item` of input `task` (report name `taskFile`) and returns
   * its row.
   */
  add(done: Done, task: number, item: number, taskFile: string): number {
    const row = this.ids.length
    this.ids.push(done.id)
    this.links.push(done.link)
    this.files.push(done.file === taskFile ? undefined : done.file)
    if (done.notes.length > 0) this.notesOf.set(row, done.notes)
    this.dates.push(done.dateMs)
    this.tasks.push(task)
    this.items.push(item)
    this.pathSets.push(this.internPaths(done.paths))
    this.flags.push(done.onDisk ? ON_DISK : 0)
    this.setHash(row, done.articleHash)
    this.itemBytes.append(done.itemBytes)
    return row
  }

  id(row: number): string {
    return this.ids[row]
  }

  link(row: number): string | undefined {
    return this.links[row]
  }

  /** The report name, given its input file's (`taskFile`). */
  file(row: number, taskFile: (task: number) => string): string {
    return this.files[row] ?? taskFile(this.tasks.get(row))
  }

  notes(row: number): readonly string[] {
    return this.notesOf.get(row) ?? []
  }

  dateMs(row: number): number {
    return this.dates.get(row)
  }

  task(row: number): number {
    return this.tasks.get(row)
  }

  item(row: number): number {
    return this.items.get(row)
  }

  /** Input order: the input's place, then the item's within a feed. */
  rank(row: number): number {
    return rankOf(this.tasks.get(row), this.items.get(row))
  }

  articleHash(row: number): string {
    const at = row * HASH_BYTES
    return Buffer.from(this.hashes.buffer, at, HASH_BYTES).toString('latin1')
  }

  /** Whether the thread that made it left exactly its bytes in its file. */
  onDisk(row: number): boolean {
    return (this.flags.get(row) & ON_DISK) !== 0
  }

  paths(row: number): CategoryPath[] {
    return this.pathSetList[this.pathSets.get(row)]
  }

  /** Which distinct list of category paths the article has (0, 1, …). */
  pathSet(row: number): number {
    return this.pathSets.get(row)
  }

  /** Every distinct list of category paths, by pathSet. */
  get distinctPaths(): readonly CategoryPath[][] {
    return this.pathSetList
  }

  /** The list items of `rows[from]` … `rows[to - 1]`. */
  listItems(rows: ArrayLike<number>, from: number, to: number): Buffer[] {
    return this.itemBytes.readRun(rows, from, to)
  }

  private setHash(row: number, hash: string): void {
    if (hash.length !== HASH_BYTES || !/^[\w-]+$/.test(hash)) {
      throw new Error(`not a content hash: ${JSON.stringify(hash)}`)
    }
    if ((row + 1) * HASH_BYTES > this.hashes.length) {
      const next = new Uint8Array(this.hashes.length * 2)
      next.set(this.hashes)
      this.hashes = next
    }
    Buffer.from(this.hashes.buffer).write(hash, row * HASH_BYTES, 'latin1')
  }

  private internPaths(paths: CategoryPath[]): number {
    const key = JSON.stringify(paths)
    let index = this.pathSetIndex.get(key)
    if (index === undefined) {
      index = this.pathSetList.length
      this.pathSetList.push(paths)
      this.pathSetIndex.set(key, index)
    }
    return index
  }
}

/** Rank of item `item` of input `task`: input order, feed items in turn. */
export function rankOf(task: number, item: number): number {
  return task * 2 ** 20 + item
}
