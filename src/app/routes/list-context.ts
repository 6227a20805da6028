/**
 * The list an article was opened from travels in the link's navigation
 * state (`fromList`), so previous/next walk that list. It is kept in the
 * history entry rather than the URL: the article URL stays the one canonical
 * address, and a shared link reads in the list of all articles.
 */
type ListContextState = { fromList?: string }

/** Navigation state for links opened from the list at `href`. */
export function fromListState(href: string): ListContextState {
  return { fromList: href }
}

/** The list an article was opened from, if its history entry knows it. */
export function readFromList(state: unknown): string | undefined {
  const from =
    typeof state === 'object' && state !== null
      ? (state as ListContextState).fromList
      : undefined
  return typeof from === 'string' ? from : undefined
}
