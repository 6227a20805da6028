export type ProgressState = { done: number; total: number; elapsedMs: number }

/**
 * One progress line: bar, count, percentage, rate and time left, e.g.
 * `[########------------] 4,000/10,000  40%  2,310/s  ETA 3s`.
 */
export function formatProgress(
  { done, total, elapsedMs }: ProgressState,
  width = 24,
): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total)
  const filled = Math.round(ratio * width)
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled)
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
  const eta = rate > 0 ? formatSeconds((total - done) / rate) : '?'
  const count = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4)
  return `[${bar}] ${count} ${percent}  ${Math.round(rate).toLocaleString('en-US')}/s  ETA ${eta}`
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`
}

export type Progress = {
  update: (done: number, total: number) => void
  /** Removes the bar so other lines can be written. */
  clear: () => void
}

type Terminal = { isTTY?: boolean; write: (text: string) => unknown }

/**
 * A progress bar redrawn in place at most every `intervalMs` on a terminal,
 * and nothing at all elsewhere (logs and CI get the one-line summary).
 */
export function createProgress(
  out: Terminal,
  now = Date.now,
  intervalMs = 100,
): Progress {
  if (!out.isTTY) return { update: () => {}, clear: () => {} }
  const start = now()
  let last = 0
  let shown = false
  return {
    update(done, total) {
      const t = now()
      if (done < total && t - last < intervalMs) return
      last = t
      shown = true
      out.write(
        `\r${formatProgress({ done, total, elapsedMs: t - start })}\x1b[K`,
      )
    },
    clear() {
      if (shown) out.write('\r\x1b[K')
      shown = false
    },
  }
}
