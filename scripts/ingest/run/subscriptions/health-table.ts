import type { FeedHealth } from '../../../../src/lib/article-schema.ts'

const ALL_ROWS_UP_TO = 20

/**
 * The feeds' health as a few lines for the terminal: a count per status,
 * then a table (every feed when there are few, else only those that
 * failed, were skipped or have a notice). URLs are the report's: without
 * credentials.
 */
export function healthLines(health: FeedHealth[]): string[] {
  const count = (status: FeedHealth['status']) =>
    health.filter((h) => h.status === status).length
  const fresh = health.reduce((n, h) => n + h.new_items, 0)
  const lines = [
    `Feeds: ${health.length} listed: ${count('fetched')} fetched (${fresh} new items), ` +
      `${count('not_modified')} not modified, ${count('failed')} failed, ${count('skipped')} skipped`,
  ]
  const needsAttention = (h: FeedHealth) =>
    h.status === 'failed' ||
    h.status === 'skipped' ||
    (h.notices?.length ?? 0) > 0
  const rows =
    health.length <= ALL_ROWS_UP_TO ? health : health.filter(needsAttention)
  if (rows.length === 0) return lines
  const table = [
    ['status', 'http', 'new', 'items', 'fails', 'feed'],
    ...rows.map((h) => [
      h.status.replace('_', ' '),
      h.http_status === undefined ? '-' : String(h.http_status),
      String(h.new_items),
      String(h.stored_items),
      String(h.consecutive_failures),
      describe(h),
    ]),
  ]
  const widths = table[0].map((_, c) =>
    Math.max(...table.map((r) => r[c].length)),
  )
  for (const row of table) {
    lines.push(
      `  ${row
        .map((cell, c) =>
          c === row.length - 1
            ? cell
            : c >= 1 && c <= 4
              ? cell.padStart(widths[c])
              : cell.padEnd(widths[c]),
        )
        .join('  ')}`,
    )
  }
  if (rows.length < health.length) {
    lines.push(
      `  … ${health.length - rows.length} more feeds without problems (ingest-report.json lists all)`,
    )
  }
  return lines
}

function describe(h: FeedHealth): string {
  const name = h.title ? `${h.title} <${h.feed}>` : h.feed
  const extra = [h.reason, ...(h.notices ?? [])].filter(Boolean)
  return extra.length > 0 ? `${name}: ${extra.join('; ')}` : name
}
