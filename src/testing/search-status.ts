import { screen } from '@testing-library/react'

/** The search's own live region (the results' list toolbar has one for Undo). */
export function searchStatus(): HTMLElement {
  return screen
    .getAllByRole('status')
    .find((region) => region.classList.contains('search-status'))!
}
