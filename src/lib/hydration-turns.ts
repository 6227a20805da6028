/**
 * The queue of `HydrationPart`s waiting to make the switch after
 * hydration (decision 029). Turns run one task after another, each
 * switching as many parts as fit in `TURN_BUDGET_MS` at the cost the last
 * turn measured per part (one part in the first turn); the next turn
 * starts once every part of this one has committed, so React renders and
 * commits each turn in a task of its own.
 */

/** A part's place in the queue. */
export type Turn = {
  /** The part's switch has been committed (from a layout effect). */
  committed(): void
  /** The part unmounted: out of the queue, or out of its turn. */
  leave(): void
}

/** Well under a long task's 50 ms on a phone 4× slower than a laptop. */
const TURN_BUDGET_MS = 8
const MOST_PER_TURN = 64

const waiting = new Set<() => void>()
let inTurn = 0
let turnPending = false
let turnStarted = 0
let turnSize = 0
/** What one part's switch took in the last turn; unknown before the first. */
let msPerPart = Number.POSITIVE_INFINITY

/** One timer for the next turn, however many parts join the queue meanwhile. */
function scheduleTurn() {
  if (turnPending) return
  turnPending = true
  setTimeout(nextTurn, 0)
}

function nextTurn() {
  turnPending = false
  if (inTurn > 0 || waiting.size === 0) return
  const size = Math.min(
    MOST_PER_TURN,
    Math.max(1, Math.floor(TURN_BUDGET_MS / msPerPart)),
  )
  const parts = [...waiting].slice(0, size)
  turnSize = inTurn = parts.length
  turnStarted = performance.now()
  for (const start of parts) start()
}

function partFinished() {
  inTurn -= 1
  if (inTurn > 0) return
  msPerPart = (performance.now() - turnStarted) / turnSize
  scheduleTurn()
}

/**
 * Queues a part (once what holds it has switched); `switchPart` is called
 * in its turn, from a later task, and the part then reports `committed()`.
 */
export function waitForTurn(switchPart: () => void): Turn {
  let state: 'waiting' | 'switching' | 'finished' = 'waiting'
  const start = () => {
    waiting.delete(start)
    state = 'switching'
    switchPart()
  }
  const finish = () => {
    if (state === 'switching') partFinished()
    waiting.delete(start)
    state = 'finished'
  }
  waiting.add(start)
  scheduleTurn()
  return { committed: finish, leave: finish }
}
