/** Milliseconds spent in each phase, for the benchmark. */
export function phaseClock() {
  const phases: Record<string, number> = {}
  let last = performance.now()
  return {
    phases,
    lap(name: string) {
      const now = performance.now()
      phases[name] = Math.round(now - last)
      last = now
    },
  }
}
