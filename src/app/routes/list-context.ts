/**
 * The list an article was opened from travels in the link's navigation
 * state (`fromList`), so previous/next walk that list. It is kept in the
 * history entry rather than the URL: the article URL stays the one canonical
 * address, and a shared link reads in the list of all articles. `depth`
 * counts the history entries since the list (1 for an article opened from
 * it, one more per previous/next), so "back to the list" can go back that
 * far and land on the list's own entry, where its place is kept.
 */
type ListContextState = { fromList?: string; depth?: number }

/** Navigation state for links opened from the list at `href`, `depth` entries after it. */
export function fromListState(href: string, depth = 1): ListContextState {
  return { fromList: href, depth }
}

/** The list an article was opened from, if its history entry knows it. */
export function readFromList(state: unknown): string | undefined {
  const from = asState(state).fromList
  return typeof from === 'string' ? from : undefined
}

/** How many history entries back the list is; 0 when unknown. */
export function readListDepth(state: unknown): number {
  const depth = asState(state).depth
  return Number.isInteger(depth) && (depth as number) > 0
    ? (depth as number)
    : 0
}

function asState(state: unknown): ListContextState {
  return typeof state === 'object' && state !== null
    ? (state as ListContextState)
    : {}
}
