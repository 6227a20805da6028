import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * The element's distance from the top of the document, kept current on
 * resize: the window virtualizer's `scrollMargin`.
 */
export function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0)
  useLayoutEffect(() => {
    const measure = () => {
      const element = ref.current
      if (element) {
        setTop(Math.round(element.getBoundingClientRect().top + window.scrollY))
      }
    }
    measure()
    window.addEventListener('resize', measure)
    return () => window.removeEventListener('resize', measure)
  }, [ref])
  return top
}
