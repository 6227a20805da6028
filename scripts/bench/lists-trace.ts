/**
 * Longest main-thread task of a Chromium trace, in wall time and in the
 * thread's own CPU time. Wall time is what a reader feels; CPU time is what
 * our code costs, and stays meaningful on a machine busy with other work.
 */
type TraceEvent = {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

export type LongestTask = { wallMs: number; cpuMs: number; over50: number }

/** Reads `RunTask` events of the busiest renderer main thread. */
export function longestTask(trace: Buffer): LongestTask {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as {
    traceEvents: TraceEvent[]
  }
  const mains = new Set(
    traceEvents
      .filter(
        (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
      )
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const byThread = new Map<string, TraceEvent[]>()
  for (const event of traceEvents) {
    const thread = `${event.pid}:${event.tid}`
    if (event.name !== 'RunTask' || event.ph !== 'X' || !mains.has(thread)) {
      continue
    }
    byThread.set(thread, [...(byThread.get(thread) ?? []), event])
  }
  const busiest =
    [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? []
  return {
    wallMs: Math.max(0, ...busiest.map((e) => (e.dur ?? 0) / 1000)),
    cpuMs: Math.max(0, ...busiest.map((e) => (e.tdur ?? 0) / 1000)),
    over50: busiest.filter((e) => (e.dur ?? 0) > 50_000).length,
  }
}

function total(events: TraceEvent[]): number {
  return events.reduce((sum, e) => sum + (e.dur ?? 0), 0)
}
