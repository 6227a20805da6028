import { describe, expect, test } from 'vitest'
import {
  applyReadOps,
  emptyReadState,
  invertReadOps,
  isRead,
  planMarkOlder,
  planSetRead,
  readStateOf,
  unreadIn,
  type MarkedList,
  type ReadState,
} from './read-state'
import {
  ALL_SCOPE,
  isWithin,
  scopeCovers,
  scopeOf,
  scopesOfCategories,
  type ReadTarget,
  type Scope,
} from './read-scopes'
import { readOpsOf } from './backend'

const TREE = [['a'], ['a', 'x'], ['a', 'y'], ['b'], ['b', 'z']].map(scopeOf)
const LEAVES = [['a', 'x'], ['a', 'y'], ['a'], ['b', 'z'], ['b']]

/** A corpus of `n` single-category articles, newest first (a fixed PRNG). */
function corpus(n: number): ReadTarget[] {
  let seed = 7
  const next = () => (seed = (seed * 48271) % 2147483647)
  return Array.from({ length: n }, (_, i) => ({
    id: `id-${i}`,
    date: (n - i) * 1000,
    cats: scopeOf(LEAVES[next() % LEAVES.length]),
  }))
}

function listOf(articles: ReadTarget[], scope: Scope): ReadTarget[] {
  return articles.filter((a) => scopeCovers(scope, a.cats))
}

function markedList(articles: ReadTarget[], scope: Scope): MarkedList {
  const all = [ALL_SCOPE, ...TREE]
  return {
    scope,
    countOf: (s) => listOf(articles, s).length,
    related: {
      below: all.filter((s) => isWithin(s, scope)),
      above: all.filter((s) => s !== scope && isWithin(scope, s)),
    },
  }
}

/** The true unread count of each scope, article by article. */
function truth(state: ReadState, articles: ReadTarget[], scope: Scope) {
  return listOf(articles, scope).filter((a) => !isRead(state, a)).length
}

function expectCountsTrue(state: ReadState, articles: ReadTarget[]) {
  for (const scope of [ALL_SCOPE, ...TREE]) {
    const count = listOf(articles, scope).length
    expect(unreadIn(state, scope, count), `scope "${scope}"`).toBe(
      truth(state, articles, scope),
    )
  }
}

function run(state: ReadState, ops: ReturnType<typeof planSetRead>) {
  const undo = invertReadOps(state, ops)
  applyReadOps(state, ops)
  return undo
}

describe('read marks', () => {
  test('an article marked read is read, and counted in every node above it', () => {
    const state = emptyReadState()
    const [article] = corpus(1)
    run(state, planSetRead(state, article, true))
    expect(isRead(state, article)).toBe(true)
    for (const scope of scopesOfCategories(article.cats)) {
      expect(unreadIn(state, scope, 1)).toBe(0)
    }
    run(state, planSetRead(state, article, false))
    expect(isRead(state, article)).toBe(false)
    expect(unreadIn(state, ALL_SCOPE, 1)).toBe(1)
  })

  test('marking what already is so changes nothing', () => {
    const state = emptyReadState()
    const [article] = corpus(1)
    expect(planSetRead(state, article, false)).toEqual([])
    run(state, planSetRead(state, article, true))
    expect(planSetRead(state, article, true)).toEqual([])
  })

  test('"mark all read" on a list makes every article in it read with one watermark', () => {
    const articles = corpus(200)
    const state = emptyReadState()
    const list = markedList(articles, scopeOf(['a']))
    const items = listOf(articles, list.scope)
    run(state, planMarkOlder(state, list, items[0].date, []))
    expect(items.every((a) => isRead(state, a))).toBe(true)
    expect(state.read.size).toBe(0)
    expect(state.watermarks.size).toBe(1)
    expectCountsTrue(state, articles)
  })

  test('counts stay exact through read marks, watermarks, exceptions and undo', () => {
    const articles = corpus(300)
    const state = emptyReadState()
    const undos: ReturnType<typeof run>[] = []
    const steps: (() => void)[] = [
      () => run(state, planSetRead(state, articles[5], true)),
      () => run(state, planSetRead(state, articles[250], true)),
      () => {
        const list = markedList(articles, scopeOf(['a', 'x']))
        const items = listOf(articles, list.scope)
        const at = Math.floor(items.length / 2)
        const newer = items.slice(0, at)
        undos.push(
          run(state, planMarkOlder(state, list, items[at].date, newer)),
        )
      },
      () => run(state, planSetRead(state, articles[299], false)),
      () => run(state, planSetRead(state, articles[250], false)),
      () => {
        const list = markedList(articles, scopeOf(['a']))
        const items = listOf(articles, list.scope)
        undos.push(
          run(
            state,
            planMarkOlder(state, list, items[10].date, items.slice(0, 10)),
          ),
        )
      },
      () => run(state, planSetRead(state, articles[1], true)),
      () => {
        const list = markedList(articles, ALL_SCOPE)
        undos.push(
          run(
            state,
            planMarkOlder(
              state,
              list,
              articles[100].date,
              articles.slice(0, 100),
            ),
          ),
        )
      },
      () => run(state, planSetRead(state, articles[150], false)),
      () => run(state, planSetRead(state, articles[150], true)),
    ]
    for (const step of steps) {
      step()
      expectCountsTrue(state, articles)
    }
    for (const undo of undos.reverse()) {
      applyReadOps(state, undo)
      expectCountsTrue(state, articles)
    }
  })

  test('undo of "mark all read" brings back exactly the state before it', () => {
    const articles = corpus(50)
    const state = emptyReadState()
    run(state, planSetRead(state, articles[3], true))
    const before = articles.map((a) => isRead(state, a))
    const list = markedList(articles, ALL_SCOPE)
    const undo = run(state, planMarkOlder(state, list, articles[0].date, []))
    expect(articles.every((a) => isRead(state, a))).toBe(true)
    applyReadOps(state, undo)
    expect(articles.map((a) => isRead(state, a))).toEqual(before)
    expect(state.watermarks.size).toBe(0)
    expect(state.tally.size).toBe(0)
  })

  test('an article published after the watermark stays unread', () => {
    const articles = corpus(20)
    const state = emptyReadState()
    const list = markedList(articles.slice(5), ALL_SCOPE)
    run(state, planMarkOlder(state, list, articles[5].date, []))
    expect(isRead(state, articles[4])).toBe(false)
    expect(isRead(state, articles[5])).toBe(true)
  })

  test('stored marks load in one pass to the state their ops build', () => {
    const articles = corpus(300)
    const read = [...articles.slice(0, 120), ...articles.slice(100, 130)]
    // A mark stored twice under another category counts once, under the last.
    read.push({ ...articles[7], cats: scopeOf(['b', 'z']) })
    const stored = {
      read,
      unread: articles.slice(200, 210),
      watermarks: [[scopeOf(['a']), 5000] as [Scope, number]],
      tally: [
        [ALL_SCOPE, 3],
        [scopeOf(['a']), 3],
        [ALL_SCOPE, 1],
      ] as [Scope, number][],
    }
    const byOps = emptyReadState()
    applyReadOps(byOps, readOpsOf(stored))
    expect(readStateOf(stored)).toEqual(byOps)
  })
})
