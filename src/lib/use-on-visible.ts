import { useEffect, useRef } from 'react'

/**
 * Calls `onVisible` whenever the returned ref's element comes within
 * `margin` of the viewport. Used to load the next page before the reader
 * reaches the end of the list.
 */
export function useOnVisible<T extends Element>(
  onVisible: () => void,
  enabled: boolean,
  margin = '800px',
) {
  const ref = useRef<T>(null)
  const callback = useRef(onVisible)
  useEffect(() => {
    callback.current = onVisible
  })
  useEffect(() => {
    const element = ref.current
    if (!element || !enabled || typeof IntersectionObserver === 'undefined') {
      return
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current()
      },
      { rootMargin: `0px 0px ${margin} 0px` },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [enabled, margin])
  return ref
}
