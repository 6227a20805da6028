import type { Range } from '../highlight'

export type MarkedTextProps = { text: string; ranges: readonly Range[] }

/** Text with the given stretches in `<mark>` (plain text nodes: nothing is parsed). */
export function MarkedText({ text, ranges }: MarkedTextProps) {
  if (ranges.length === 0) return <>{text}</>
  const parts: React.ReactNode[] = []
  let at = 0
  ranges.forEach((range, i) => {
    if (range.start > at) parts.push(text.slice(at, range.start))
    parts.push(<mark key={i}>{text.slice(range.start, range.end)}</mark>)
    at = range.end
  })
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
