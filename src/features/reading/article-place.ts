/** Where the reader is in an article body, in blocks (see `ArticlePlace`). */
export type BodyPlace = { block: number; within: number; progress: number }

/** The bottom of the sticky header: the top of what the reader sees. */
function viewTop(): number {
  const header = document.querySelector('.site-header')
  return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0
}

/**
 * The blocks a place is counted in: the body's children, or those of the
 * wrapper most bodies from aggregators put everything in.
 */
function blocksOf(body: Element): HTMLCollection {
  let element = body
  while (element.children.length === 1) element = element.children[0]
  return element.children
}

/** The place in `body` at the top of the viewport. */
export function measurePlace(body: Element): BodyPlace {
  const top = viewTop()
  const blocks = blocksOf(body)
  let block = 0
  let within = 0
  for (let i = 0; i < blocks.length; i++) {
    const rect = blocks[i].getBoundingClientRect()
    if (rect.bottom > top) {
      block = i
      within = rect.height > 0 ? clamp((top - rect.top) / rect.height) : 0
      break
    }
    block = i
    within = 1
  }
  const rect = body.getBoundingClientRect()
  const progress =
    rect.height > 0 ? clamp((window.innerHeight - rect.top) / rect.height) : 1
  return { block, within, progress }
}

/** Scrolls so that the place is at the top of the viewport again; false if the body is shorter. */
export function restorePlace(
  body: Element,
  place: Pick<BodyPlace, 'block' | 'within'>,
): boolean {
  const block = blocksOf(body)[place.block]
  if (!block) return false
  const rect = block.getBoundingClientRect()
  const y = window.scrollY + rect.top + place.within * rect.height - viewTop()
  window.scrollTo({ top: Math.max(0, y), behavior: 'instant' })
  return true
}

function clamp(n: number): number {
  return Math.min(1, Math.max(0, n))
}
