import { useEffect, useRef, type RefObject } from 'react'

type Watch = { onPast: () => void; seen: boolean }

const watched = new Map<Element, Watch>()
let observer: IntersectionObserver | null = null

/** One observer for every card on the page (cards come and go as the list windows). */
function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const watch = watched.get(entry.target)
      if (!watch) continue
      if (entry.isIntersecting) {
        watch.seen = true
      } else if (
        watch.seen &&
        entry.rootBounds &&
        entry.boundingClientRect.bottom <= entry.rootBounds.top
      ) {
        watched.delete(entry.target)
        observer?.unobserve(entry.target)
        watch.onPast()
      }
    }
  })
  return observer
}

/**
 * Calls `onPast` once the element, having been on screen, has left it
 * over the top: the reader scrolled past it (not a card that was never
 * seen, nor one that left at the bottom).
 */
export function useScrolledPast(
  ref: RefObject<Element | null>,
  onPast: () => void,
  enabled: boolean,
) {
  const callback = useRef(onPast)
  useEffect(() => {
    callback.current = onPast
  })
  useEffect(() => {
    const element = ref.current
    if (!element || !enabled || typeof IntersectionObserver === 'undefined') {
      return
    }
    watched.set(element, { onPast: () => callback.current(), seen: false })
    sharedObserver().observe(element)
    return () => {
      watched.delete(element)
      observer?.unobserve(element)
    }
  }, [ref, enabled])
}
