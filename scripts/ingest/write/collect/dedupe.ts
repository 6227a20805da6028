import type { ReportEntry } from '../../../../src/lib/article-schema.ts'

/** What deduplication needs of an article; `rank` is its input order. */
export type Candidate = {
  id: string
  link?: string
  dateMs: number
  file: string
  rank: number
}

type Loser = { file: string; rank: number; id: string; reason: string }

/** Newer wins; on the same date, the file read first. Order-independent. */
export function isBetter(a: Candidate, b: Candidate): boolean {
  return a.dateMs !== b.dateMs ? a.dateMs > b.dateMs : a.rank < b.rank
}

/**
 * Keeps one article per id and per original link, whatever order the
 * candidates arrive in (threads finish files in any order). `add` keeps
 * the better of two candidates with one id; `resolve` then merges winners
 * that share an original link and reports every loser. Which bytes end up
 * in an article file is settled after, by main's rewriteMismatched.
 */
export class CandidateSet<T extends Candidate> {
  private readonly byId = new Map<string, T>()
  private readonly losers: Loser[] = []

  add(candidate: T): void {
    const current = this.byId.get(candidate.id)
    if (!current) {
      this.byId.set(candidate.id, candidate)
      return
    }
    const [winner, loser] = isBetter(candidate, current)
      ? [candidate, current]
      : [current, candidate]
    this.byId.set(candidate.id, winner)
    this.losers.push({
      file: loser.file,
      rank: loser.rank,
      id: loser.id,
      reason: 'same id',
    })
  }

  /**
   * The surviving articles (in arrival order), a report entry per loser
   * (same id, or same original link), and the ids that lost to a winner
   * with the same original link: their files were written and must go.
   */
  resolve(): Resolved<T> {
    const byLink = new Map<string, T>()
    for (const c of this.byId.values()) {
      const other = c.link ? byLink.get(c.link) : undefined
      if (c.link && (!other || isBetter(c, other))) byLink.set(c.link, c)
    }
    const winners: T[] = []
    const dropped = new Map<string, T>()
    for (const c of this.byId.values()) {
      const top = c.link ? byLink.get(c.link)! : c
      if (top === c) winners.push(c)
      else {
        dropped.set(c.id, top)
        this.losers.push({
          file: c.file,
          rank: c.rank,
          id: c.id,
          reason: 'same original link',
        })
      }
    }
    const merged = this.losers.map((loser) => {
      const winner = dropped.get(loser.id) ?? this.byId.get(loser.id)!
      return {
        file: loser.file,
        status: 'merged' as const,
        id: winner.id,
        merged_into: winner.file,
        reason: `duplicate (${loser.reason})`,
        rank: loser.rank,
      }
    })
    return { winners, merged, droppedIds: [...dropped.keys()] }
  }
}

export type Resolved<T> = {
  winners: T[]
  merged: Array<ReportEntry & { rank: number }>
  droppedIds: string[]
}
