/**
 * The card the reader is on in the list being shown (moved with j/k, or the
 * card holding focus): one per page, so keys of other features (read,
 * save) act on the card the list's keys selected. `null` when no list is
 * shown or no card is selected yet.
 */
let current: string | null = null

/** The id of the article whose card is selected, if any. */
export function getCurrentCard(): string | null {
  return current
}

/** Selects the card of article `id` (the list calls it; `null` clears). */
export function setCurrentCard(id: string | null): void {
  current = id
}
