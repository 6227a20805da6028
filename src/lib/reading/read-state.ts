import {
  isWithin,
  scopeCovers,
  scopesOfCategories,
  type ReadTarget,
  type Scope,
} from './read-scopes'

/**
 * The reader's read marks, held in memory (loaded from IndexedDB once).
 *
 * - `read`: articles marked read one by one (opened, `m`, scrolled past).
 * - `watermarks`: "everything in this list up to this date is read" — how
 *   "mark all in this list read" and "mark older than this read" work
 *   without storing one id per article.
 * - `unread`: articles a watermark covers that the reader marked unread
 *   again.
 * - `tally`: per scope, how many articles watermarks made read when they
 *   were set (the unread counts of the category tree come from it, since
 *   no per-category id list is ever downloaded; see decision 025).
 *
 * Every change is a list of `ReadOp`s: applied here, written to storage and
 * sent to the other tabs as they are, and inverted for Undo.
 */
export type ReadState = {
  read: Map<string, ReadTarget>
  unread: Map<string, ReadTarget>
  watermarks: Map<Scope, number>
  tally: Map<Scope, number>
  /** Derived: explicit read marks per scope. */
  readIn: Map<Scope, number>
  /** Derived: unread exceptions per scope. */
  unreadIn: Map<Scope, number>
}

export type ReadOp =
  | { op: 'read'; target: ReadTarget }
  | { op: 'unmark'; target: ReadTarget }
  | { op: 'except'; target: ReadTarget }
  | { op: 'unexcept'; target: ReadTarget }
  | { op: 'tally'; deltas: [Scope, number][] }
  | { op: 'watermark'; scope: Scope; date: number | null }

export function emptyReadState(): ReadState {
  return {
    read: new Map(),
    unread: new Map(),
    watermarks: new Map(),
    tally: new Map(),
    readIn: new Map(),
    unreadIn: new Map(),
  }
}

/**
 * The state of stored marks, built in one pass: what applying
 * `readOpsOf(stored)` to an empty state gives, without one op and one
 * count update per scope for each of 50,000 marks (this is on the first
 * screen's path). Marks are counted per category string first, and each
 * string's scopes are added once.
 */
export function readStateOf(stored: {
  read: readonly ReadTarget[]
  unread: readonly ReadTarget[]
  watermarks: readonly (readonly [Scope, number])[]
  tally: readonly (readonly [Scope, number])[]
}): ReadState {
  const state = emptyReadState()
  fill(state.read, state.readIn, stored.read)
  fill(state.unread, state.unreadIn, stored.unread)
  for (const [scope, delta] of stored.tally) add(state.tally, scope, delta)
  for (const [scope, date] of stored.watermarks)
    state.watermarks.set(scope, date)
  return state
}

/** Applies `ops` to `state` in place. */
export function applyReadOps(state: ReadState, ops: readonly ReadOp[]): void {
  for (const op of ops) {
    switch (op.op) {
      case 'read':
      case 'unmark':
        toggle(state.read, state.readIn, op.target, op.op === 'read')
        break
      case 'except':
      case 'unexcept':
        toggle(state.unread, state.unreadIn, op.target, op.op === 'except')
        break
      case 'tally':
        for (const [scope, delta] of op.deltas) add(state.tally, scope, delta)
        break
      case 'watermark':
        if (op.date === null) state.watermarks.delete(op.scope)
        else state.watermarks.set(op.scope, op.date)
        break
    }
  }
}

/** The ops that undo `ops` (applied after them). */
export function invertReadOps(
  state: ReadState,
  ops: readonly ReadOp[],
): ReadOp[] {
  const inverse: ReadOp[] = []
  for (const op of ops) {
    if (op.op === 'read') inverse.push({ op: 'unmark', target: op.target })
    if (op.op === 'unmark') inverse.push({ op: 'read', target: op.target })
    if (op.op === 'except') inverse.push({ op: 'unexcept', target: op.target })
    if (op.op === 'unexcept') inverse.push({ op: 'except', target: op.target })
    if (op.op === 'tally') {
      inverse.push({ op: 'tally', deltas: op.deltas.map(([s, n]) => [s, -n]) })
    }
    if (op.op === 'watermark') {
      const date = state.watermarks.get(op.scope) ?? null
      inverse.push({ op: 'watermark', scope: op.scope, date })
    }
  }
  return inverse.reverse()
}

/** Whether a watermark makes `target` read. */
export function isCovered(state: ReadState, target: ReadTarget): boolean {
  for (const [scope, date] of state.watermarks) {
    if (target.date <= date && scopeCovers(scope, target.cats)) return true
  }
  return false
}

/** Whether the reader has read `target`. */
export function isRead(state: ReadState, target: ReadTarget): boolean {
  if (state.unread.has(target.id)) return false
  return state.read.has(target.id) || isCovered(state, target)
}

/**
 * Unread articles in the list of `scope`, which holds `count` articles:
 * the count minus what is read in it and its descendants.
 */
export function unreadIn(state: ReadState, scope: Scope, count: number) {
  const read =
    (state.tally.get(scope) ?? 0) +
    (state.readIn.get(scope) ?? 0) -
    (state.unreadIn.get(scope) ?? 0)
  return Math.max(0, Math.min(count, count - read))
}

/** The ops that mark `target` read or unread (none when it already is). */
export function planSetRead(
  state: ReadState,
  target: ReadTarget,
  read: boolean,
): ReadOp[] {
  if (isRead(state, target) === read) return []
  if (read) {
    return state.unread.has(target.id)
      ? [{ op: 'unexcept', target }]
      : [{ op: 'read', target }]
  }
  const ops: ReadOp[] = []
  const explicit = state.read.get(target.id)
  if (explicit) ops.push({ op: 'unmark', target: explicit })
  if (isCovered(state, target)) {
    // A covered article counted through its own mark is counted through
    // the tally from now on, so the exception takes exactly one away.
    if (explicit) ops.push(tallyOf(scopesOfCategories(target.cats), 1))
    ops.push({ op: 'except', target })
  }
  return ops
}

/** A list being marked: its scope, and the count of each node in it and above it. */
export type MarkedList = {
  scope: Scope
  /** Articles in the list of `scope` (for every node the counts come from the manifest). */
  countOf: (scope: Scope) => number
  /** The scopes of the list's node, its descendants and its ancestors, all (`''`) included. */
  related: { below: Scope[]; above: Scope[] }
}

/**
 * The ops that mark every article of `list` published at or before `date`
 * read: one watermark, and the counts it changes. `newer` are the list's
 * articles published after `date` — all of them are loaded, since lists
 * are newest first and the reader acts on a loaded card — so the articles
 * it makes read in each node are that node's unread articles minus its
 * unread `newer` ones, exactly, with nothing but the manifest's counts.
 */
export function planMarkOlder(
  state: ReadState,
  list: MarkedList,
  date: number,
  newer: readonly ReadTarget[],
): ReadOp[] {
  if ((state.watermarks.get(list.scope) ?? -Infinity) >= date) return []
  const work = copyState(state)
  const ops: ReadOp[] = []
  // Exceptions the new watermark covers become read again (through the
  // tally, which still counts them).
  for (const target of state.unread.values()) {
    if (target.date <= date && scopeCovers(list.scope, target.cats)) {
      ops.push({ op: 'unexcept', target })
    }
  }
  applyReadOps(work, ops)
  const unreadNewer = new Map<Scope, number>()
  for (const target of newer) {
    if (isRead(work, target)) continue
    for (const scope of scopesOfCategories(target.cats)) {
      if (isWithin(scope, list.scope)) add(unreadNewer, scope, 1)
    }
  }
  const made = (scope: Scope) =>
    Math.max(
      0,
      unreadIn(work, scope, list.countOf(scope)) -
        (unreadNewer.get(scope) ?? 0),
    )
  const own = made(list.scope)
  const deltas: [Scope, number][] = []
  for (const scope of list.related.below) deltas.push([scope, made(scope)])
  for (const scope of list.related.above) deltas.push([scope, own])
  ops.push({ op: 'tally', deltas: deltas.filter(([, n]) => n !== 0) })
  ops.push({ op: 'watermark', scope: list.scope, date })
  return ops
}

// --- internal ---

function add(map: Map<Scope, number>, scope: Scope, delta: number) {
  const next = (map.get(scope) ?? 0) + delta
  if (next === 0) map.delete(scope)
  else map.set(scope, next)
}

function fill(
  marks: Map<string, ReadTarget>,
  counts: Map<Scope, number>,
  targets: readonly ReadTarget[],
) {
  const perCats = new Map<string, number>()
  for (const target of targets) {
    const had = marks.get(target.id)
    if (had) perCats.set(had.cats, (perCats.get(had.cats) ?? 0) - 1)
    marks.set(target.id, target)
    perCats.set(target.cats, (perCats.get(target.cats) ?? 0) + 1)
  }
  for (const [cats, n] of perCats) {
    if (n !== 0)
      for (const scope of scopesOfCategories(cats)) add(counts, scope, n)
  }
}

function toggle(
  marks: Map<string, ReadTarget>,
  counts: Map<Scope, number>,
  target: ReadTarget,
  on: boolean,
) {
  const had = marks.get(target.id)
  if (had) {
    for (const scope of scopesOfCategories(had.cats)) add(counts, scope, -1)
    marks.delete(target.id)
  }
  if (!on) return
  marks.set(target.id, target)
  for (const scope of scopesOfCategories(target.cats)) add(counts, scope, 1)
}

function tallyOf(scopes: readonly Scope[], n: number): ReadOp {
  return { op: 'tally', deltas: scopes.map((scope) => [scope, n]) }
}

function copyState(state: ReadState): ReadState {
  return {
    read: state.read,
    unread: new Map(state.unread),
    watermarks: state.watermarks,
    tally: state.tally,
    readIn: state.readIn,
    unreadIn: new Map(state.unreadIn),
  }
}
