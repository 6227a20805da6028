/** One corpus size's figures from `scripts/bench/lists.ts`. */
export type SizeResult = {
  count: number
  categoryView: string
  homeBytes: number
  homeRequests: number
  categoryBytes: number
  categoryRequests: number
  rowsScrolled: number
  scrollSeconds: number
  longTasks: number
  longestTask: number
  longestTaskMedian: number
  longestFrame: number
  traceWall: number
  traceCpu: number
  traceCpuMedian: number
  backDelta: number
  switchMedian: number
  switchP90: number
  switches: number
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number) => `${value.toFixed(1)} ms`

function ratio(values: number[]): string {
  return (Math.max(...values) / Math.min(...values)).toFixed(3)
}

/** The results as the Markdown table BENCHMARKS.md carries. */
export function formatReport(
  results: SizeResult[],
  { runs, rows }: { runs: number; rows: number },
): string {
  const lines = [
    `| articles | first screen \`/\` (data) | first screen category (data) | rows scrolled | long tasks ≥ 50 ms | longest long task | longest task in trace: wall / CPU (median CPU) | longest frame | Back Δ | category switch median (p90) |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...results
      .map((r) =>
        [
          r.count.toLocaleString('en'),
          `${kb(r.homeBytes)} (${r.homeRequests} req)`,
          `${kb(r.categoryBytes)} (${r.categoryRequests} req)`,
          r.rowsScrolled.toLocaleString('en'),
          String(r.longTasks),
          r.longTasks ? ms(r.longestTask) : 'none',
          `${ms(r.traceWall)} / ${ms(r.traceCpu)} (median ${ms(r.traceCpuMedian)})`,
          ms(r.longestFrame),
          `${r.backDelta} px`,
          `${ms(r.switchMedian)} (${ms(r.switchP90)})`,
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
    '',
    `Largest/smallest first-screen bytes across sizes: \`/\` ${ratio(results.map((r) => r.homeBytes))}, category ${ratio(results.map((r) => r.categoryBytes))}.`,
    `Medians of ${runs} runs; scrolling target ${rows.toLocaleString('en')} rows; category view: ${results[0]?.categoryView}.`,
  ]
  return lines.join('\n')
}
