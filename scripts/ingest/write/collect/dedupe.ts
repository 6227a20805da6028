import { int32Column, uint32Column, uint8Column } from '../../shared/columns.ts'
import type { ArticleTable } from './article-table.ts'

/** Why an article lost: another had its id, or its original link. */
export type LossReason = 'same id' | 'same original link'
const REASONS: readonly LossReason[] = ['same id', 'same original link']

/** In `diskRow`: threads left different bytes in the file; which is unknown. */
export const MIXED = -1
/** In `diskRow`: no thread wrote or found the file this run. */
export const UNSEEN = -2

/**
 * Keeps one article per id and per original link, whatever order rows
 * arrive in (threads finish files in any order). Newer wins; on the same
 * date, the one read first. `add` keeps the better of two rows with one
 * id as they arrive; `resolve` then merges winners that share an original
 * link. Which bytes end up in an article file is settled after, by
 * convert-all's rewriteMismatched, from `diskRow`.
 */
export class Dedupe {
  private readonly table: ArticleTable
  /** Each distinct id's slot. */
  private readonly slots = new Map<string, number>()
  /** Per slot: the best row so far. */
  private readonly best = uint32Column()
  /** Per slot: the row whose bytes threads left in the file (MIXED, UNSEEN). */
  private readonly disk = int32Column()
  private readonly losers = uint32Column()
  private readonly lossReasons = uint8Column()

  constructor(table: ArticleTable) {
    this.table = table
  }

  /** Takes row `row` of the table into account. */
  add(row: number): void {
    const id = this.table.id(row)
    const slot = this.slots.get(id)
    if (slot === undefined) {
      this.slots.set(id, this.best.push(row))
      this.disk.push(this.table.onDisk(row) ? row : UNSEEN)
      return
    }
    if (this.table.onDisk(row)) this.recordDisk(slot, row)
    const current = this.best.get(slot)
    const [winner, loser] = this.isBetter(row, current)
      ? [row, current]
      : [current, row]
    this.best.set(slot, winner)
    this.loses(loser, 'same id')
  }

  /** The best row with id `id` (before links are compared), if any. */
  bestRow(id: string): number | undefined {
    const slot = this.slots.get(id)
    return slot === undefined ? undefined : this.best.get(slot)
  }

  /** The row whose bytes threads left in article file `id` (or MIXED, UNSEEN). */
  diskRow(id: string): number {
    const slot = this.slots.get(id)
    return slot === undefined ? UNSEEN : this.disk.get(slot)
  }

  /**
   * The winners (rows, in the order their ids first arrived), and every
   * loser with the winner it was merged into, in arrival order of losses.
   * A winner that lost to another's original link is dropped: its file,
   * written this run, goes as stale.
   */
  resolve(): Resolved {
    const best = this.best.view()
    const byLink = new Map<string, number>()
    for (const row of best) {
      const link = this.table.link(row)
      if (link === undefined) continue
      const other = byLink.get(link)
      if (other === undefined || this.isBetter(row, other))
        byLink.set(link, row)
    }
    const winners = uint32Column(best.length)
    const droppedTo = new Map<string, number>()
    for (const row of best) {
      const link = this.table.link(row)
      const top = link === undefined ? row : byLink.get(link)!
      if (top === row) winners.push(row)
      else {
        droppedTo.set(this.table.id(row), top)
        this.loses(row, 'same original link')
      }
    }
    byLink.clear()
    const losers = this.losers.view()
    const mergedInto = new Uint32Array(losers.length)
    losers.forEach((row, i) => {
      const id = this.table.id(row)
      mergedInto[i] = droppedTo.get(id) ?? this.best.get(this.slots.get(id)!)
    })
    return {
      winners: winners.view(),
      losers,
      reasons: Array.from(this.lossReasons.view(), (r) => REASONS[r]),
      mergedInto,
    }
  }

  private loses(row: number, reason: LossReason): void {
    this.losers.push(row)
    this.lossReasons.push(REASONS.indexOf(reason))
  }

  private recordDisk(slot: number, row: number): void {
    const before = this.disk.get(slot)
    if (before === UNSEEN) this.disk.set(slot, row)
    else if (
      before !== MIXED &&
      this.table.articleHash(before) !== this.table.articleHash(row)
    ) {
      this.disk.set(slot, MIXED)
    }
  }

  /** Newer wins; on the same date, the one read first. Order-independent. */
  private isBetter(a: number, b: number): boolean {
    const { table } = this
    const [da, db] = [table.dateMs(a), table.dateMs(b)]
    return da !== db ? da > db : table.rank(a) < table.rank(b)
  }
}

/** What duplicate detection decided. */
export type Resolved = {
  /** Rows that are written and listed. */
  winners: Uint32Array
  /** Rows merged into another, with why and into which row. */
  losers: Uint32Array
  reasons: LossReason[]
  mergedInto: Uint32Array
}
